// The live room. The server sends the whole room state (a snapshot) on connect and after
// every change; this module keeps the newest one and renders the view for this person's
// role. Timers are never sent as ticks: the state carries the phase's deadline in server
// time, and the page counts down locally with its clock offset to the server corrected.

const config = JSON.parse(document.getElementById("room-config").textContent);
const texts = JSON.parse(document.getElementById("room-texts").textContent);
const $ = (id) => document.getElementById(id);

const LEADING = new Set(["leader", "co_leader"]);
const leads = LEADING.has(config.role);
const PING_EVERY_MS = 20000;
const FATAL_CLOSE = { 4403: texts.ui.forbidden, 4410: texts.ui.display_renewed };

let state = null;
let socket = null;
let retryMs = 500;
let pingTimer = null;
let pingId = 0;
const pingsSent = new Map();
// Best estimate of (server clock - local clock) in seconds, from the ping with the
// shortest round trip: its midpoint is closest to when the server read its clock.
let clockOffset = 0;
let bestRtt = Infinity;
let chimedFor = null;
let muted = localStorage.getItem("balintroom.chime") === "off";

function fmt(template, values) {
  return template.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
}

function serverNow() {
  return Date.now() / 1000 + clockOffset;
}

// --- connection ------------------------------------------------------------------------

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  socket = new WebSocket(`${scheme}://${location.host}${config.socket}`);
  setConnection("connecting");
  socket.addEventListener("open", () => {
    retryMs = 500;
    setConnection("open");
    bestRtt = Infinity;
    // A few quick pings give a good clock offset at once; then one now and then.
    for (let i = 0; i < 3; i++) setTimeout(ping, i * 300);
    clearInterval(pingTimer);
    pingTimer = setInterval(ping, PING_EVERY_MS);
  });
  socket.addEventListener("message", (event) => receive(JSON.parse(event.data)));
  socket.addEventListener("close", (event) => {
    clearInterval(pingTimer);
    if (FATAL_CLOSE[event.code]) {
      setConnection("closed");
      showError(FATAL_CLOSE[event.code]);
      return;
    }
    setConnection("lost");
    setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 5000);
  });
}

function setConnection(kind) {
  const el = $("connection");
  el.dataset.state = kind;
  el.textContent = kind === "open" ? texts.ui.connected
    : kind === "lost" ? texts.ui.connection_lost
    : kind === "closed" ? "" : "\u2026";
}

function send(message) {
  if (!socket || socket.readyState !== WebSocket.OPEN) {
    showError(texts.ui.connection_lost);
    return;
  }
  socket.send(JSON.stringify(message));
}

function ping() {
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  pingId += 1;
  pingsSent.set(pingId, Date.now() / 1000);
  socket.send(JSON.stringify({ action: "ping", id: pingId }));
}

function receive(message) {
  if (message.type === "state") {
    if (!state || message.version > state.version) {
      if (!state || bestRtt === Infinity) clockOffset = message.server_time - Date.now() / 1000;
      state = message;
      render();
    }
  } else if (message.type === "pong") {
    const sentAt = pingsSent.get(message.id);
    pingsSent.delete(message.id);
    if (sentAt === undefined) return;
    const receivedAt = Date.now() / 1000;
    const rtt = receivedAt - sentAt;
    if (rtt <= bestRtt) {
      bestRtt = rtt;
      clockOffset = message.server_time - (sentAt + receivedAt) / 2;
    }
  } else if (message.type === "error") {
    showError(message.message);
  }
}

let errorTimer = null;
function showError(text) {
  const el = $("room-error");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => { el.hidden = true; }, 6000);
}

// --- rendering -------------------------------------------------------------------------

function viewer() {
  if (config.display) return "display";
  if (state.round && state.round.presenter === config.me) return "presenter";
  return leads ? "leader" : "member";
}

function personName(id) {
  const person = state.participants.find((p) => p.id === id);
  return person ? person.name : "?";
}

function render() {
  const round = state.round;
  const live = round && (round.status === "running" || round.status === "paused");
  const phase = live ? state.meeting.phases[round.phase_index] : null;
  const phaseText = phase ? texts.phases[phase.key] : null;
  const stage = $("stage");
  stage.dataset.phase = phase ? phase.key : "none";
  stage.dataset.status = round ? round.status : "none";
  stage.dataset.version = String(state.version);
  document.body.dataset.sitsBack = String(Boolean(phase && phase.sits_back && viewer() === "presenter"));

  const planned = state.meeting.rounds_planned;
  const roundName = planned > 1 && round && round.number <= planned
    ? fmt(texts.ui.round_n_of, { n: round.number, total: planned })
    : round ? fmt(texts.ui.round_n, { n: round.number }) : "";
  $("round-info").textContent = live
    ? `${roundName} \u00b7 ${fmt(texts.ui.phase_n_of, { n: round.phase_index + 1, total: state.meeting.phases.length })}`
    : (state.rounds_done ? fmt(texts.ui.rounds_done, { n: state.rounds_done }) : texts.format_name);
  $("phase-name").textContent = phaseText ? phaseText.name
    : (state.asking_for_cases ? texts.ui.who_has_a_case : texts.ui.waiting);
  $("phase-rule").textContent = phaseText ? phaseText.rule : "";
  $("guidance").textContent = phaseText && !config.display ? phaseText.guidance[viewer()] : "";

  const presenter = $("presenter");
  if (round && round.presenter) {
    const you = round.presenter === config.me;
    presenter.textContent = you ? texts.ui.you_present
      : `${texts.ui.presenter}: ${personName(round.presenter)}${round.label ? ` \u2013 \u201c${round.label}\u201d` : ""}`;
    if (you && round.label) presenter.textContent += ` \u2013 \u201c${round.label}\u201d`;
  } else {
    presenter.textContent = "";
  }
  if (config.display) presenter.textContent = "";

  const questions = $("review-questions");
  const inReview = phase && phase.key === "review";
  questions.hidden = !inReview;
  if (inReview && !questions.childElementCount) {
    for (const q of texts.review_questions) {
      const li = document.createElement("li");
      li.textContent = q;
      questions.append(li);
    }
  }
  if (!inReview) questions.replaceChildren();

  if (!config.display) {
    renderCases(live);
    renderParticipants();
    if (leads) renderControls(round, live);
  }
  tick();
}

function renderCases(live) {
  const section = $("cases");
  const round = state.round;
  const between = !live;
  section.hidden = !between;
  if (!between) return;
  const list = $("volunteers");
  list.replaceChildren();
  const mine = state.volunteers.find((v) => v.user === config.me);
  for (const v of state.volunteers) {
    const li = document.createElement("li");
    li.dataset.user = String(v.user);
    const who = document.createElement("span");
    who.textContent = personName(v.user) + (v.label ? ` \u2013 \u201c${v.label}\u201d` : "");
    li.append(who);
    if (leads) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "small";
      button.textContent = texts.ui.choose;
      button.addEventListener("click", () => act("choose_presenter", { user: v.user }));
      li.append(button);
    }
    list.append(li);
  }
  if (!state.volunteers.length) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = texts.ui.no_volunteers;
    list.append(li);
  }
  const isPresenter = round && round.presenter === config.me;
  $("volunteer-form").hidden = Boolean(mine) || isPresenter;
  $("withdraw-button").hidden = !mine;
  $("volunteer-label").placeholder = texts.ui.label_placeholder;
}

function renderParticipants() {
  const list = $("participants");
  list.replaceChildren();
  const now = serverNow();
  for (const p of state.participants) {
    let presence = p.presence;
    if (presence === "reconnecting" && p.until && p.until < now) presence = "away";
    const li = document.createElement("li");
    li.dataset.user = String(p.id);
    li.dataset.presence = presence;
    const name = document.createElement("span");
    name.textContent = p.name + (p.id === config.me ? ` (${texts.ui.you})` : "");
    const role = document.createElement("span");
    role.className = "badge";
    role.textContent = texts.roles[p.role] || p.role;
    const status = document.createElement("span");
    status.className = `presence presence-${presence}`;
    status.textContent = texts.ui[presence === "online" ? "online" : presence];
    li.append(name, role, status);
    list.append(li);
  }
}

function renderControls(round, live) {
  const has = (id, visible) => { $(id).hidden = !visible; };
  const waiting = round && round.status === "waiting";
  const paused = round && round.status === "paused";
  has("ask-button", !live && !waiting && !state.asking_for_cases);
  has("start-button", Boolean(waiting));
  has("back-button", live && round.phase_index > 0);
  has("pause-button", live && !paused);
  has("resume-button", Boolean(paused));
  has("extend1-button", live);
  has("extend5-button", live);
  const last = live && round.phase_index === state.meeting.phases.length - 1;
  has("advance-button", live && !last);
  has("end-button", live);
}

// --- the timer -------------------------------------------------------------------------

function secondsLeft(round) {
  if (round.status === "paused") return round.remaining;
  return round.deadline - serverNow();
}

function clock(seconds) {
  const whole = Math.floor(Math.abs(seconds));
  const m = Math.floor(whole / 60);
  const s = String(whole % 60).padStart(2, "0");
  return `${m}:${s}`;
}

function tick() {
  if (!state) return;
  const round = state.round;
  const timer = $("timer");
  const note = $("timer-note");
  const live = round && (round.status === "running" || round.status === "paused");
  if (!live) {
    timer.textContent = "";
    timer.dataset.secondsLeft = "";
    timer.classList.remove("overrun");
    note.textContent = "";
    return;
  }
  // Count whole seconds up, so that 9:59.5 shows as 10:00 the moment a phase starts.
  const left = Math.ceil(secondsLeft(round) - 0.001);
  const overrun = left < 0;
  timer.textContent = overrun ? `+${clock(left)}` : clock(left);
  timer.dataset.secondsLeft = String(left);
  timer.classList.toggle("overrun", overrun);
  timer.classList.toggle("paused", round.status === "paused");
  note.textContent = round.status === "paused" ? texts.ui.paused
    : overrun ? `${texts.ui.overrun} \u2013 ${texts.ui.time_up}` : texts.ui.left;
  const key = `${round.number}:${round.phase_index}:${round.deadline}`;
  if (overrun && leads && chimedFor !== key && round.status === "running") {
    chimedFor = key;
    if (!muted) chime();
  }
}

// A soft two-note chime, made here so that nothing is loaded; only the leader hears it,
// and the phase never changes by itself.
function chime() {
  try {
    const ctx = new AudioContext();
    [523.25, 659.25].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = freq;
      const at = ctx.currentTime + i * 0.35;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.05);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 1.2);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 1.3);
    });
  } catch (error) {
    // No audio device: the overrun still shows on screen.
  }
}

// --- actions ---------------------------------------------------------------------------

function act(action, extra = {}) {
  if (action === "end" && !confirm(texts.ui.confirm_end)) return;
  send({ action, expected_version: state ? state.version : 0, ...extra });
}

if (!config.display) {
  $("volunteer-form").addEventListener("submit", (event) => {
    event.preventDefault();
    send({ action: "volunteer", label: $("volunteer-label").value });
    $("volunteer-label").value = "";
  });
  $("withdraw-button").addEventListener("click", () => send({ action: "withdraw" }));
  if (leads) {
    for (const button of document.querySelectorAll("#controls [data-action]")) {
      button.addEventListener("click", () => {
        const extra = button.dataset.minutes ? { minutes: Number(button.dataset.minutes) } : {};
        act(button.dataset.action, extra);
      });
    }
    const toggle = $("chime-toggle");
    const showMuted = () => {
      toggle.textContent = muted ? texts.ui.unmute : texts.ui.mute;
      toggle.setAttribute("aria-pressed", String(muted));
    };
    toggle.addEventListener("click", () => {
      muted = !muted;
      localStorage.setItem("balintroom.chime", muted ? "off" : "on");
      showMuted();
    });
    showMuted();
  }
}

let ticks = 0;
setInterval(() => {
  tick();
  // Reconnecting participants turn "away" when their grace period ends.
  ticks += 1;
  if (state && !config.display && ticks % 4 === 0) renderParticipants();
}, 250);
connect();
