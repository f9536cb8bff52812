// Her meetings and reminders in her local time from the start: the browser knows its zone.
const field = document.querySelector("input[name=timezone]");
if (field && !field.value) {
  try {
    field.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch {
    // An old browser: the inviting leader's zone is taken, and she can change it later.
  }
}
