// Choosing a format sets the meeting's length to the format's: a block seminar day is not
// refused for being longer than the 90 minutes the form started with.
const minutes = JSON.parse(document.getElementById("format-minutes").textContent);
const duration = document.querySelector("input[name=duration_minutes]");
for (const choice of document.querySelectorAll("input[name=format_key]")) {
  choice.addEventListener("change", () => {
    if (choice.checked && duration && minutes[choice.value]) {
      duration.value = String(minutes[choice.value]);
    }
  });
}
