// The display's key is in the link's fragment, which no server sees or logs. Post it once:
// the server answers with the display's cookie and the room display itself.
const form = document.getElementById("display-open");
const key = decodeURIComponent(location.hash.slice(1));
// Out of the address bar and the history, so the key is not left on the screen.
history.replaceState(null, "", location.pathname);
if (key) {
  document.getElementById("display-key").value = key;
  form.submit();
} else {
  document.getElementById("display-opening").hidden = true;
  document.getElementById("display-no-key").hidden = false;
}
