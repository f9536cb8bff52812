// The live room. The server sends the whole room state (a snapshot) on connect and after
// every change; this module keeps the newest one and renders the view for this person's
// role. Timers are never sent as ticks: the state carries the phase's deadline in server
// time, and the page counts down locally with its clock offset to the server corrected.

const config = JSON.parse(document.getElementById("room-config").textContent);
const texts = JSON.parse(document.getElementById("room-texts").textContent);
const $ = (id) => document.getElementById(id);

const cardsEl = document.getElementById("prompt-cards-data");
const promptCards = cardsEl && cardsEl.textContent ? JSON.parse(cardsEl.textContent) : [];
const LEADING = new Set(["leader", "co_leader"]);
const leads = LEADING.has(config.role);
const SIGNAL_KEY = `balintroom.signalled.${config.meeting}`;
const MESSAGES_KEY = `balintroom.leaders.${config.meeting}`;
const PING_EVERY_MS = 20000;
const AGREEMENT_CHANGED = 4412;
const FATAL_CLOSE = {
  4403: texts.ui.forbidden,
  4410: texts.ui.display_renewed,
  [AGREEMENT_CHANGED]: texts.ui.agreement_changed,
};

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
let shownStandsIn = false;
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
      showClosed(event.code);
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
    if (state && message.version > state.version) send({ action: "snapshot" });
    const sentAt = pingsSent.get(message.id);
    pingsSent.delete(message.id);
    if (sentAt === undefined) return;
    const receivedAt = Date.now() / 1000;
    const rtt = receivedAt - sentAt;
    if (rtt <= bestRtt) {
      bestRtt = rtt;
      clockOffset = message.server_time - (sentAt + receivedAt) / 2;
    }
  } else if (message.type === "error" && message.code === "may_identify") {
    showFindings(message);
  } else if (message.type === "error") {
    showError(message.message);
  } else if (message.type === "leader_message") {
    const stored = JSON.parse(sessionStorage.getItem(MESSAGES_KEY) || "[]");
    stored.push(message);
    sessionStorage.setItem(MESSAGES_KEY, JSON.stringify(stored.slice(-100)));
    renderLeaderMessages();
  }
}

// A case label that may identify a patient: the person edits it, or keeps it knowingly.
function showFindings(message) {
  const box = $("label-check");
  box.hidden = false;
  $("label-check-text").textContent = message.message;
  const list = $("label-check-findings");
  list.replaceChildren();
  for (const f of message.findings) {
    const li = document.createElement("li");
    const mark = document.createElement("mark");
    mark.textContent = f.text;
    li.append(`${f.category}: `, mark);
    list.append(li);
  }
  $("volunteer-label").value = message.label;
  $("label-keep").onclick = () => {
    box.hidden = true;
    send({ action: "volunteer", label: message.label, urgency: Number($("volunteer-urgency").value), keep: true });
    $("volunteer-label").value = "";
  };
  $("label-edit").onclick = () => {
    box.hidden = true;
    $("volunteer-label").focus();
  };
}

// The room sent her away for good (until she does something): say why, and show nothing
// more of the room, whose controls no longer reach it.
function showClosed(code) {
  const el = $("room-error");
  clearTimeout(errorTimer);
  document.body.classList.add("room-closed");
  el.replaceChildren(FATAL_CLOSE[code]);
  if (code === AGREEMENT_CHANGED && config.agreement) {
    const link = document.createElement("a");
    link.href = config.agreement;
    link.textContent = texts.ui.read_agreement;
    el.append(" ", link);
  }
  el.hidden = false;
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

function isLive(round) {
  return Boolean(round && (round.status === "running" || round.status === "paused"));
}

function presenceNow(p) {
  if (p.presence === "reconnecting" && p.until && p.until < serverNow()) return "away";
  return p.presence;
}

// A named back-up steers while no leader is in the room; the server checks the same.
function standsIn() {
  if (leads || config.display || state.backup !== config.me) return false;
  return !state.participants.some((p) => LEADING.has(p.role) && presenceNow(p) !== "away");
}

function partName(part) {
  return texts.parts[part.key] || texts.ui.extra_round;
}

function roundOrdinal(partIndex) {
  // The how-manieth Balint round of the agenda this part is.
  const agenda = state.meeting.agenda;
  let n = 0;
  for (let i = 0; i <= partIndex; i++) {
    if (i >= agenda.length || agenda[i].kind === "round") n += 1;
  }
  return n;
}

function render() {
  const round = state.round;
  const live = isLive(round);
  const part = state.part;
  const phase = live ? part.phases[round.phase_index] : null;
  const phaseText = phase ? texts.phases[phase.key] : null;
  const outside = !config.display && state.outside.includes(config.me);
  const stage = $("stage");
  stage.dataset.phase = phase ? phase.key : "none";
  stage.dataset.status = round ? round.status : "none";
  stage.dataset.part = part.kind;
  stage.dataset.version = String(state.version);
  document.body.dataset.sitsBack = String(Boolean(phase && phase.sits_back && viewer() === "presenter"));
  document.body.dataset.outside = String(outside);

  const planned = state.meeting.rounds_planned;
  let partLabel = partName(part);
  if (part.kind === "round") {
    const n = roundOrdinal(part.index);
    partLabel = planned > 1 && n <= planned
      ? fmt(texts.ui.round_n_of, { n, total: planned }) : fmt(texts.ui.round_n, { n });
  }
  $("round-info").textContent = live && part.phases.length > 1
    ? `${partLabel} \u00b7 ${fmt(texts.ui.phase_n_of, { n: round.phase_index + 1, total: part.phases.length })}`
    : live ? partLabel
    : (state.rounds_done ? `${fmt(texts.ui.rounds_done, { n: state.rounds_done })} \u00b7 ${texts.ui.agenda}: ${partLabel}` : `${texts.format_name} \u00b7 ${partLabel}`);
  $("phase-name").textContent = phaseText ? phaseText.name
    : (state.asking_for_cases ? texts.ui.who_has_a_case : texts.ui.waiting);
  $("phase-rule").textContent = phaseText ? phaseText.rule : "";
  // Guidance that only repeats the rule is left out.
  const guidance = phaseText && !config.display ? phaseText.guidance[viewer()] : "";
  $("guidance").textContent = guidance === (phaseText && phaseText.rule) ? "" : guidance;

  const presenter = $("presenter");
  presenter.textContent = "";
  if (round && round.presenter && !config.display) {
    const you = round.presenter === config.me;
    const label = round.label ? ` \u2013 \u201c${round.label}\u201d` : "";
    const prefix = round.follow_up ? `${texts.ui.follow_up_of}: ` : "";
    presenter.textContent = prefix + (you ? texts.ui.you_present + label
      : `${texts.ui.presenter}: ${personName(round.presenter)}${label}`);
  }

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
  renderCheckIn(round, live, part);

  if (!config.display) {
    // The group's confidentiality agreement is recalled until the meeting's first part starts.
    $("agreement-recall").hidden = !(part.index === 0 && !live && !state.rounds_done
      && !(round && round.status === "ended"));
    $("banner").hidden = !state.banner;
    $("banner").textContent = state.banner;
    $("name-mode").hidden = !state.name_mode;
    $("outside-note").hidden = !outside;
    renderCases(live, part, outside);
    renderFollowUp(live, part);
    renderParticipants();
    renderParticipantTools(round, live, part, outside);
    renderAgenda();
    shownStandsIn = standsIn();
    const steer = leads || shownStandsIn;
    $("controls").hidden = !steer;
    $("stand-in-note").hidden = !standsIn();
    if (steer) renderControls(round, live, part);
    if (leads) renderConsole();
  }
  tick();
}

function renderCheckIn(round, live, part) {
  let list = document.getElementById("check-in-order");
  const show = live && part.per_person_seconds && round.speaker_order.length;
  if (!show) {
    if (list) list.remove();
    return;
  }
  if (!list) {
    list = document.createElement("ol");
    list.id = "check-in-order";
    list.className = "check-in-order";
    list.setAttribute("aria-label", texts.ui.check_in_order);
    $("stage").append(list);
  }
  list.replaceChildren();
  round.speaker_order.forEach((id, i) => {
    const li = document.createElement("li");
    li.textContent = config.display ? "" : personName(id);
    li.dataset.user = String(id);
    if (i === round.speaker_index) li.className = "current";
    if (i < round.speaker_index) li.className = "done";
    list.append(li);
  });
  if (!config.display) {
    $("guidance").textContent = fmt(texts.ui.check_in_turn, { name: personName(round.speaker_order[round.speaker_index]) });
  }
}

function renderCases(live, part, outside) {
  const section = $("cases");
  const round = state.round;
  const open = !live && part.needs_presenter && part.kind !== "follow_up" && !outside;
  section.hidden = !open;
  if (!open) return;
  const list = $("volunteers");
  list.replaceChildren();
  const mine = state.volunteers.find((v) => v.user === config.me);
  for (const v of state.volunteers) {
    const li = document.createElement("li");
    li.dataset.user = String(v.user);
    const who = document.createElement("span");
    who.textContent = personName(v.user) + (v.label ? ` \u2013 \u201c${v.label}\u201d` : "");
    const urgency = document.createElement("span");
    urgency.className = `badge urgency-${v.urgency}`;
    urgency.textContent = texts.ui[`urgency_${v.urgency}`];
    li.append(who, urgency);
    if (leads || standsIn()) {
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

function renderFollowUp(live, part) {
  const section = $("follow-up");
  const open = !live && part.kind === "follow_up";
  section.hidden = !open;
  if (!open) return;
  const list = $("earlier-cases");
  list.replaceChildren();
  for (const c of state.earlier_cases) {
    const li = document.createElement("li");
    li.dataset.round = String(c.id);
    const what = document.createElement("span");
    const date = new Date(`${c.date}T12:00:00`).toLocaleDateString(document.documentElement.lang);
    what.textContent = c.label ? `\u201c${c.label}\u201d \u00b7 ${date}` : fmt(texts.ui.case_from, { date });
    li.append(what);
    if (leads || standsIn()) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "small";
      button.textContent = texts.ui.choose_follow_up;
      button.addEventListener("click", () => act("choose_follow_up", { round: c.id }));
      li.append(button);
    }
    list.append(li);
  }
  if (!state.earlier_cases.length) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = texts.ui.no_earlier_cases;
    list.append(li);
  }
}

function renderParticipants() {
  const list = $("participants");
  list.replaceChildren();
  for (const p of state.participants) {
    const presence = presenceNow(p);
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

function renderParticipantTools(round, live, part, outside) {
  const raised = state.hands.includes(config.me);
  const hand = $("hand-button");
  hand.textContent = raised ? texts.ui.lower_hand : texts.ui.raise_hand;
  hand.dataset.raised = String(raised);
  hand.hidden = outside;
  const caseTold = live && part.needs_presenter && round.presenter !== config.me && !leads;
  const signalled = sessionStorage.getItem(SIGNAL_KEY) === String(round ? round.number : "");
  $("may-know-button").hidden = !caseTold || signalled || outside;
  $("step-out-button").hidden = !caseTold || !signalled || outside;
  $("signalled-note").hidden = !caseTold || !signalled || outside;
  const box = $("hands-box");
  box.hidden = !state.hands.length && !state.speaker;
  $("speaker-line").textContent = state.speaker ? fmt(texts.ui.has_the_word, { name: personName(state.speaker) }) : "";
  const list = $("hands");
  list.replaceChildren();
  for (const id of state.hands) {
    const li = document.createElement("li");
    li.dataset.user = String(id);
    li.textContent = personName(id);
    if (leads) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "small secondary";
      button.textContent = texts.ui.call_on;
      button.addEventListener("click", () => act("call_on", { user: id }));
      li.append(" ", button);
    }
    list.append(li);
  }
}

function renderAgenda() {
  const list = $("agenda");
  list.replaceChildren();
  const agenda = state.meeting.agenda;
  const count = Math.max(agenda.length, state.part.index + 1);
  for (let i = 0; i < count; i++) {
    const item = agenda[i] || { key: "classic", minutes: 45 };
    const li = document.createElement("li");
    li.textContent = `${texts.parts[item.key] || texts.ui.extra_round} (${item.minutes}\u2032)`;
    if (i < state.part.index) li.className = "done";
    if (i === state.part.index) li.className = "current";
    list.append(li);
  }
}

function renderControls(round, live, part) {
  const has = (id, visible) => { $(id).hidden = !visible; };
  const waiting = round && round.status === "waiting";
  const paused = round && round.status === "paused";
  const needsChoice = part.needs_presenter && !(round && round.presenter);
  has("ask-button", !live && part.needs_presenter && part.kind !== "follow_up" && !waiting && !state.asking_for_cases);
  has("start-button", !live && !needsChoice);
  $("start-button").textContent = fmt(texts.ui.start_part, { part: partName(part) });
  has("skip-button", !live);
  const turns = live && part.per_person_seconds && round.speaker_index + 1 < round.speaker_order.length;
  has("next-speaker-button", Boolean(turns));
  has("back-button", live && round.phase_index > 0);
  has("pause-button", live && !paused);
  has("resume-button", Boolean(paused));
  has("extend1-button", live);
  has("extend5-button", live);
  const last = live && round.phase_index === part.phases.length - 1;
  has("advance-button", live && !last);
  has("end-button", live);
  $("end-button").textContent = part.kind === "round" ? texts.ui.end : texts.ui.end_part;
}

function renderConsole() {
  const cards = $("prompt-cards");
  if (!cards.childElementCount) {
    for (const card of promptCards) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "secondary small prompt-card";
      button.dataset.card = String(card.id);
      button.textContent = card.text;
      button.addEventListener("click", () => send({ action: "show_prompt", card: card.id }));
      cards.append(button);
    }
  }
  $("hide-prompt-button").hidden = !state.banner;
  $("name-mode-button").textContent = state.name_mode ? texts.ui.name_mode_toggle_off : texts.ui.name_mode_toggle_on;
  $("call-on-button").hidden = !state.hands.length;
  const select = $("backup-select");
  const options = [["", texts.ui.no_backup], ...state.participants.filter((p) => p.role === "member").map((p) => [String(p.id), p.name])];
  if (select.options.length !== options.length || document.activeElement !== select) {
    select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
    select.value = state.backup ? String(state.backup) : "";
  }
  const alerts = $("lindauer-alerts");
  alerts.replaceChildren();
  for (const signal of state.lindauer) {
    const p = document.createElement("p");
    p.className = "warning";
    p.dataset.user = String(signal.user);
    p.textContent = fmt(signal.outside ? texts.ui.lindauer_outside : texts.ui.lindauer_signal, { name: personName(signal.user) });
    if (signal.outside) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "small";
      button.textContent = texts.ui.let_back;
      button.addEventListener("click", () => send({ action: "let_back", user: signal.user }));
      p.append(" ", button);
    }
    alerts.append(p);
  }
  renderLeaderMessages();
}

function renderLeaderMessages() {
  const list = document.getElementById("leader-messages");
  if (!list) return;
  const stored = JSON.parse(sessionStorage.getItem(MESSAGES_KEY) || "[]");
  if (list.childElementCount === stored.length) return;
  list.replaceChildren();
  for (const m of stored) {
    const li = document.createElement("li");
    li.textContent = `${m.from}: ${m.text}`;
    list.append(li);
  }
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
  const key = `${round.number}:${round.phase_index}:${round.speaker_index}:${round.deadline}`;
  if (overrun && (leads || standsIn()) && chimedFor !== key && round.status === "running") {
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
    send({ action: "volunteer", label: $("volunteer-label").value, urgency: Number($("volunteer-urgency").value) });
    $("volunteer-label").value = "";
  });
  $("withdraw-button").addEventListener("click", () => send({ action: "withdraw" }));
  $("hand-button").addEventListener("click", () => {
    send({ action: state && state.hands.includes(config.me) ? "lower_hand" : "raise_hand" });
  });
  $("may-know-button").addEventListener("click", () => {
    if (!confirm(texts.ui.confirm_may_know)) return;
    send({ action: "may_know_patient" });
    sessionStorage.setItem(SIGNAL_KEY, String(state.round.number));
    render();
  });
  $("step-out-button").addEventListener("click", () => send({ action: "step_out" }));
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
  if (leads) {
    $("hide-prompt-button").addEventListener("click", () => send({ action: "hide_prompt" }));
    $("call-on-button").addEventListener("click", () => send({ action: "call_on" }));
    $("name-mode-button").addEventListener("click", () => send({ action: "name_mode", on: !state.name_mode }));
    $("backup-select").addEventListener("change", (event) => {
      const value = event.target.value;
      send({ action: "name_backup", user: value ? Number(value) : null });
    });
    $("leader-message-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("leader-message");
      if (!input.value.trim()) return;
      send({ action: "leader_message", text: input.value });
      input.value = "";
    });
  }
}

let ticks = 0;
setInterval(() => {
  tick();
  // Reconnecting participants turn "away" when their grace period ends.
  ticks += 1;
  if (state && !config.display && ticks % 4 === 0) {
    renderParticipants();
    // A back-up takes the controls when the leaders' grace period runs out, with no
    // message from the server: re-render when that changes.
    if (standsIn() !== shownStandsIn) render();
  }
}, 250);
connect();
