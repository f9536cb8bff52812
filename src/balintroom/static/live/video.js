// The installation's own video call (Jitsi Meet's iframe API), inside the room.
//
// The presenter sits back while the group explores her case: with her consent (the box,
// remembered on this device), her camera and microphone go off when Group exploration
// begins and come back for Presenter returns. Jitsi's commands only toggle, so the state is
// read first, and only what this page turned off is turned on again.
const config = JSON.parse(document.getElementById("video-config").textContent);
const consent = document.getElementById("video-sit-back");
const CONSENT_KEY = "balintroom.video.sit-back";
consent.checked = localStorage.getItem(CONSENT_KEY) === "on";
consent.addEventListener("change", () => {
  localStorage.setItem(CONSENT_KEY, consent.checked ? "on" : "off");
});

const api = new window.JitsiMeetExternalAPI(config.domain, {
  roomName: config.room,
  parentNode: document.getElementById("video-frame"),
  width: "100%",
  height: "100%",
  userInfo: { displayName: config.name },
  configOverwrite: { prejoinPageEnabled: false, disableDeepLinking: true },
});

let turnedOff = { video: false, audio: false };
let sittingBack = false;

async function sitBack() {
  sittingBack = true;
  const [videoMuted, audioMuted] = await Promise.all([api.isVideoMuted(), api.isAudioMuted()]);
  turnedOff = { video: !videoMuted, audio: !audioMuted };
  if (turnedOff.video) api.executeCommand("toggleVideo");
  if (turnedOff.audio) api.executeCommand("toggleAudio");
}

async function comeBack() {
  sittingBack = false;
  const [videoMuted, audioMuted] = await Promise.all([api.isVideoMuted(), api.isAudioMuted()]);
  if (turnedOff.video && videoMuted) api.executeCommand("toggleVideo");
  if (turnedOff.audio && audioMuted) api.executeCommand("toggleAudio");
  turnedOff = { video: false, audio: false };
}

// room.js says at each change whether she is the presenter in a phase where the presenter
// sits back (Group exploration, in every format the method knows).
document.addEventListener("balintroom:phase", (event) => {
  const { sitsBack } = event.detail;
  if (sitsBack && !sittingBack && consent.checked) sitBack();
  else if (!sitsBack && sittingBack) comeBack();
});
