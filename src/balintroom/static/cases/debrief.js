// The leaders' debrief: offers to copy the leaders' private channel into the text.
//
// During the meeting the room page keeps the messages between leader and co-leader in this
// tab's sessionStorage only (balintroom.leaders.<meeting id>, a JSON list of
// {from, text, at}); the server stores none of them. Here they are appended to the textarea
// on request, and still leave the browser only if the leader saves the debrief.

const box = document.getElementById("leader-messages-insert");
const textarea = document.getElementById("id_text");

function storedMessages(meetingId) {
  let stored;
  try {
    stored = JSON.parse(sessionStorage.getItem(`balintroom.leaders.${meetingId}`) || "[]");
  } catch {
    return []; // storage blocked, or not our JSON: offer nothing
  }
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (m) => m && typeof m === "object" && typeof m.text === "string" && m.text.trim(),
  );
}

function clockTime(at) {
  const seconds = Number(at);
  if (!Number.isFinite(seconds)) return "";
  const lang = document.documentElement.lang || undefined;
  return new Date(seconds * 1000).toLocaleTimeString(lang, {
    hour: "2-digit",
    minute: "2-digit",
  });
}

function line(m) {
  const time = clockTime(m.at);
  const name = typeof m.from === "string" && m.from ? m.from : "?";
  const words = m.text.trim().replace(/\s*\n\s*/g, " "); // one line per message
  return `${time ? `${time} ` : ""}${name}: ${words}`;
}

// The lines not yet in the text: after a save (or a first click) the same tab still holds
// the messages, and they are not offered twice.
function missingLines(messages) {
  const present = new Set(textarea.value.split(/\r?\n/));
  return messages.map(line).filter((l) => !present.has(l));
}

function insert(lines) {
  const block = [box.dataset.heading || "", ...lines].filter(Boolean).join("\n");
  const before = textarea.value.replace(/\s+$/, "");
  textarea.value = before ? `${before}\n\n${block}\n` : `${block}\n`;
  textarea.dispatchEvent(new Event("input", { bubbles: true }));
  textarea.focus();
  textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  textarea.scrollTop = textarea.scrollHeight;
}

if (box && textarea) {
  const messages = storedMessages(box.dataset.meeting);
  if (missingLines(messages).length) {
    const button = document.getElementById("insert-leader-messages");
    const done = document.getElementById("leader-messages-inserted");
    box.hidden = false;
    button.addEventListener("click", () => {
      insert(missingLines(messages));
      // Once is enough. (Removed, not hidden: site.css shows every button, [hidden] or not.)
      button.remove();
      if (done) done.hidden = false;
    });
  }
}
