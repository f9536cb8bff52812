// The live room. The server sends the whole room state (a snapshot) on connect and after
// every change; this module keeps the newest one and renders the view for this person's
// role. Timers are never sent as ticks: the state carries the phase's deadline in server
// time, and the page counts down locally with its clock offset to the server corrected.
//
// What each person is asked to do now stays in reach: a dock at the bottom of the screen
// holds the leader's next step and the signals that need her (raised hands, the Lindauer
// rule, her co-leader's messages), and a member's hand.

const config = JSON.parse(document.getElementById("room-config").textContent);
const texts = JSON.parse(document.getElementById("room-texts").textContent);
const $ = (id) => document.getElementById(id);

const cardsEl = document.getElementById("prompt-cards-data");
const promptCards = cardsEl && cardsEl.textContent ? JSON.parse(cardsEl.textContent) : [];
const LEADING = new Set(["leader", "co_leader"]);
const leads = LEADING.has(config.role);
const SIGNAL_KEY = `balintroom.signalled.${config.meeting}`;
const MESSAGES_KEY = `balintroom.leaders.${config.meeting}`;
const SEEN_MESSAGES_KEY = `balintroom.leaders-seen.${config.meeting}`;
const ENDING_KEY = `balintroom.ending.${config.meeting}`;
const NOTIFY_KEY = "balintroom.notify";
const PING_EVERY_MS = 20000;
const AGREEMENT_CHANGED = 4412;
const FATAL_CLOSE = {
  4401: texts.ui.signed_out,
  4403: texts.ui.forbidden,
  4410: texts.ui.display_renewed,
  [AGREEMENT_CHANGED]: texts.ui.agreement_changed,
};
const baseTitle = document.title;

let state = null;
let previous = null;
let socket = null;
let retryMs = 500;
let pingTimer = null;
let pingId = 0;
const pingsSent = new Map();
// Best estimate of (server clock - local clock) in seconds, from the ping with the
// shortest round trip: its midpoint is closest to when the server read its clock.
let clockOffset = 0;
let bestRtt = Infinity;
// The server's clock has passed any time it stamped on a message already here: an offset
// a few milliseconds behind must not show 10:01 on a phase of ten minutes.
let serverPassed = 0;
let chimedFor = null;
let shownStandsIn = false;
let muted = localStorage.getItem("balintroom.chime") === "off";
let moreOpen = false;
let wakeLock = null;

function fmt(template, values) {
  return template.replace(/%\((\w+)\)s/g, (_, key) => String(values[key]));
}

function serverNow() {
  return Math.max(Date.now() / 1000 + clockOffset, serverPassed);
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
    // Answers given while the line was down were announced to nobody here.
    if (reviewRound !== null) loadReview({ summaryOnly: true });
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
    // Between half and all of the delay: after a server restart, the pages of hundreds
    // of rooms do not all knock at the same instant.
    setTimeout(connect, retryMs * (0.5 + Math.random() / 2));
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

// The pong can overtake the state it announces (that state is on its way to every page of
// the room): ask for the room only if it has not come a moment later.
const BEHIND_GRACE_MS = 1000;

function askIfStillBehind(version) {
  setTimeout(() => {
    if (state && version > state.version) send({ action: "snapshot" });
  }, BEHIND_GRACE_MS);
}

function ping() {
  if (!socket || socket.readyState !== WebSocket.OPEN) return;
  pingId += 1;
  pingsSent.set(pingId, Date.now() / 1000);
  socket.send(JSON.stringify({ action: "ping", id: pingId }));
}

function receive(message) {
  if (message.server_time) serverPassed = Math.max(serverPassed, message.server_time);
  if (message.type === "state") {
    if (!state || message.version > state.version) {
      if (!state || bestRtt === Infinity) clockOffset = message.server_time - Date.now() / 1000;
      previous = state;
      state = message;
      render();
    }
  } else if (message.type === "pong") {
    if (state && message.version > state.version) askIfStillBehind(message.version);
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
  } else if (message.type === "review") {
    if (message.round === reviewRound) loadReview({ summaryOnly: true });
  } else if (message.type === "leader_message") {
    const stored = JSON.parse(sessionStorage.getItem(MESSAGES_KEY) || "[]");
    stored.push(message);
    sessionStorage.setItem(MESSAGES_KEY, JSON.stringify(stored.slice(-100)));
    if (message.from_id !== config.me) signal();
    renderLeaderMessages();
    renderSignals();
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

let errorTimer = null;
function showError(text) {
  const el = $("room-error");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => { el.hidden = true; }, 6000);
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

// --- who sees what ---------------------------------------------------------------------

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

function steers() {
  return !config.display && (leads || standsIn());
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

function currentPhase() {
  const round = state.round;
  return isLive(round) ? state.part.phases[round.phase_index] : null;
}

// Whether she raises no hand now: the server says who listens (method's hands_closed).
function groupListens() {
  const closed = state.round ? state.round.hands_closed : "";
  return closed === "everyone" || (closed === "presenter" && viewer() === "presenter");
}

// Seconds a phase of the current round has: what it had left when the round went past
// it, or its full time.
function phaseSeconds(index) {
  const round = state.round;
  const kept = round && round.phase_left ? round.phase_left[index] : null;
  if (kept !== null && kept !== undefined) return kept;
  return state.part.phases[index].minutes * 60;
}

// --- rendering -------------------------------------------------------------------------

function render() {
  const round = state.round;
  const live = isLive(round);
  const part = state.part;
  const phase = currentPhase();
  const phaseText = phase ? texts.phases[phase.key] : null;
  const outside = !config.display && state.outside.includes(config.me);
  const ended = Boolean(state.ended);
  const sitsBack = Boolean(phase && phase.sits_back && viewer() === "presenter");
  // For the video call (video.js): the presenter sits back now, or not.
  document.dispatchEvent(new CustomEvent("balintroom:phase", {
    detail: { phase: phase ? phase.key : null, sitsBack: sitsBack && !ended },
  }));
  const stage = $("stage");
  stage.dataset.phase = ended ? "ended" : phase ? phase.key : "none";
  stage.dataset.status = round ? round.status : "none";
  stage.dataset.part = part.kind;
  stage.dataset.version = String(state.version);
  document.body.dataset.sitsBack = String(sitsBack);
  document.body.dataset.outside = String(outside);
  document.body.dataset.ended = String(ended);

  const planned = state.meeting.rounds_planned;
  let partLabel = partName(part);
  if (part.kind === "round") {
    const n = roundOrdinal(part.index);
    partLabel = planned > 1 && n <= planned
      ? fmt(texts.ui.round_n_of, { n, total: planned }) : fmt(texts.ui.round_n, { n });
  }
  $("round-info").textContent = ended ? texts.format_name
    : live && part.phases.length > 1
    ? `${partLabel} \u00b7 ${fmt(texts.ui.phase_n_of, { n: round.phase_index + 1, total: part.phases.length })}`
    : live ? partLabel
    : afterAgenda() ? fmt(texts.ui.rounds_done, { n: state.rounds_done })
    : (state.rounds_done ? `${fmt(texts.ui.rounds_done, { n: state.rounds_done })} \u00b7 ${texts.ui.agenda}: ${partLabel}` : `${texts.format_name} \u00b7 ${partLabel}`);
  $("phase-name").textContent = ended ? texts.ui.meeting_ended
    : sitsBack ? texts.ui.you_listen
    : phaseText ? phaseText.name
    : state.asking_for_cases ? texts.ui.who_has_a_case
    : afterAgenda() && !round ? texts.ui.agenda_done
    : texts.ui.waiting;
  $("phase-rule").textContent = ended || sitsBack ? "" : phaseText ? phaseText.rule : "";
  // Guidance that only repeats the rule is left out.
  const guidance = phaseText && !config.display && !ended ? phaseText.guidance[viewer()] : "";
  const guide = $("guidance");
  guide.textContent = guidance === (phaseText && phaseText.rule) ? "" : guidance;
  guide.classList.toggle("your-turn", viewer() === "presenter" && Boolean(phase)
    && (phase.key === "presenter_returns" || phase.key === "presentation" || phase.key === "follow_up"));
  if (!config.display && state.speaker === config.me && live) {
    guide.textContent = texts.ui.you_have_the_word;
    guide.classList.add("your-turn");
  }

  const presenter = $("presenter");
  presenter.textContent = "";
  if (round && round.presenter && !config.display && !ended && !sitsBack) {
    const you = round.presenter === config.me;
    const label = round.label ? ` \u2013 \u201c${round.label}\u201d` : "";
    const prefix = round.follow_up ? `${texts.ui.follow_up_of}: ` : "";
    presenter.textContent = prefix + (you ? texts.ui.you_present + label
      : `${texts.ui.presenter}: ${personName(round.presenter)}${label}`);
  }

  const questions = $("review-questions");
  const inReview = phase && phase.key === "review";
  // A member has the questions in her review card below; the leader, who guides the
  // spoken review, and the display keep them on the stage.
  questions.hidden = !inReview || !(leads || config.display);
  if (inReview && !questions.childElementCount) {
    for (const q of texts.review_questions) {
      const li = document.createElement("li");
      li.textContent = q;
      questions.append(li);
    }
  }
  if (!inReview) questions.replaceChildren();
  renderReview(round, phase, ended);
  renderCheckIn(round, live, part);

  if (!config.display) {
    // The group's confidentiality agreement is recalled until the meeting's first part starts.
    $("agreement-recall").hidden = ended || !(part.index === 0 && !live && !state.rounds_done
      && !(round && round.status === "ended"));
    $("banner").hidden = !state.banner;
    $("banner").textContent = state.banner;
    $("name-mode").hidden = !state.name_mode || ended;
    $("outside-note").hidden = !outside;
    $("closing").hidden = !ended;
    renderCases(live, part, outside, ended);
    renderFollowUp(live, part, ended);
    renderParticipants();
    renderAgenda();
    shownStandsIn = standsIn();
    renderDock(round, live, part, outside, ended, sitsBack);
    if (leads) renderConsole();
    noticeChanges();
    if (ended) leaveWhenEnding();
  }
  holdScreenAwake(live && leads && !ended);
  tick();
}

// The review of a case: her private answer and the group's summary, as the server renders
// them (reflection/views.py), from the Review until the next round or the end of the
// meeting. The room is told when another answer comes, never whose.
let reviewRound = null;

function reviewNumber(round, phase, ended) {
  if (ended || !round || round.kind !== "round") return null;
  if (phase && phase.key === "review") return round.number;
  const last = state.part.phases[round.phase_index];
  const reviewed = round.status === "ended" && last && last.key === "review";
  return reviewed || (round.status === "ended" && round.number === reviewRound)
    ? round.number : null;
}

function renderReview(round, phase, ended) {
  const card = $("review-card");
  const number = reviewNumber(round, phase, ended);
  if (number === null) {
    reviewRound = null;
    card.hidden = true;
    card.replaceChildren();
    return;
  }
  card.hidden = false;
  if (number !== reviewRound) {
    reviewRound = number;
    loadReview({ summaryOnly: false });
  }
}

function reviewUrl(number) {
  const where = config.display ? "display/review" : "review";
  return `/m/${config.meeting}/${where}/${number}/`;
}

function putReview(html, summaryOnly) {
  const card = $("review-card");
  const fresh = document.createElement("template");
  fresh.innerHTML = html;
  const shown = card.querySelector("#review-summary");
  const summary = fresh.content.querySelector("#review-summary");
  // While she is answering, only the summary is replaced: her half-filled form stays.
  // The presenter's mirror comes with the first summary, and then stays as she ticks it.
  if (summaryOnly && shown && summary) {
    shown.replaceWith(summary);
    const mirror = fresh.content.querySelector(".mirror");
    if (mirror && !card.querySelector(".mirror")) summary.after(mirror);
  } else {
    card.replaceChildren(fresh.content);
  }
}

async function loadReview({ summaryOnly }) {
  const number = reviewRound;
  try {
    const response = await fetch(reviewUrl(number), {
      headers: { "X-Balintroom-Fragment": "1" }, credentials: "same-origin" });
    if (number !== reviewRound || !response.ok) return;
    putReview(await response.text(), summaryOnly);
  } catch (error) {
    // Offline for a moment: the next answer's message, or the reconnect, loads it again.
  }
}

async function sendReview(form) {
  const button = form.querySelector("button[type=submit]");
  if (button) button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Balintroom-Fragment": "1" } });
    if (response.status >= 500) throw new Error(String(response.status));
    putReview(await response.text(), false);
  } catch (error) {
    if (button) button.disabled = false;
    showError(texts.ui.connection_lost);
  }
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
    const current = round.speaker_order[round.speaker_index];
    const guide = $("guidance");
    guide.textContent = current === config.me ? texts.ui.your_turn
      : fmt(texts.ui.check_in_turn, { name: personName(current) });
    guide.classList.toggle("your-turn", current === config.me);
  }
}

function renderCases(live, part, outside, ended) {
  const section = $("cases");
  const round = state.round;
  const open = !live && !ended && part.needs_presenter && part.kind !== "follow_up" && !outside;
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
    if (steers()) {
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
}

function renderFollowUp(live, part, ended) {
  const section = $("follow-up");
  const open = !live && !ended && part.kind === "follow_up";
  section.hidden = !open;
  if (!open) return;
  const list = $("earlier-cases");
  list.replaceChildren();
  const dates = new Intl.DateTimeFormat(document.documentElement.lang, { dateStyle: "medium" });
  for (const c of state.earlier_cases) {
    const li = document.createElement("li");
    li.dataset.round = String(c.id);
    const what = document.createElement("span");
    const date = dates.format(new Date(`${c.date}T12:00:00`));
    what.textContent = c.label ? `\u201c${c.label}\u201d \u00b7 ${date}` : fmt(texts.ui.case_from, { date });
    li.append(what);
    if (steers()) {
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
    const isOutside = state.outside.includes(p.id);
    const li = document.createElement("li");
    li.dataset.user = String(p.id);
    li.dataset.presence = isOutside ? "outside" : presence;
    const name = document.createElement("span");
    name.textContent = p.name + (p.id === config.me ? ` (${texts.ui.you})` : "");
    const role = document.createElement("span");
    role.className = "badge";
    role.textContent = texts.roles[p.role] || p.role;
    const status = document.createElement("span");
    status.className = `presence presence-${isOutside ? "outside" : presence}`;
    status.textContent = isOutside ? texts.ui.status_outside
      : texts.ui[presence === "online" ? "online" : presence];
    li.append(name, role, status);
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
    if (i === state.part.index && !state.ended) li.className = "current";
    list.append(li);
  }
}

// --- the dock: the next step, and the signals -------------------------------------------

function afterAgenda() {
  return state.part.index >= state.meeting.agenda.length;
}

// The leader's one next step, named: what the primary button does now.
function nextStep(round, live, part) {
  if (live) {
    const turnsLeft = part.per_person_seconds && round.speaker_index + 1 < round.speaker_order.length;
    if (turnsLeft) {
      return { label: fmt(texts.ui.next_person, { name: personName(round.speaker_order[round.speaker_index + 1]) }),
        action: "next_speaker" };
    }
    if (round.phase_index < part.phases.length - 1) {
      const index = round.phase_index + 1;
      const name = texts.phases[part.phases[index].key].name;
      return { label: `${fmt(texts.ui.next_phase, { phase: name })} \u00b7 ${clock(phaseSeconds(index))}`,
        action: "advance" };
    }
    return endOfPart(part);
  }
  if (afterAgenda() && !(round && round.status === "waiting") && !state.asking_for_cases) {
    return { label: texts.ui.end_meeting, action: "end_meeting", danger: true };
  }
  const waiting = round && round.status === "waiting";
  if (part.kind === "follow_up" && !waiting) {
    return { label: texts.ui.choose_follow_up_hint, action: null };
  }
  if (part.needs_presenter && !(round && round.presenter)) {
    const offers = state.volunteers;
    if (offers.length === 1) {
      return { label: fmt(texts.ui.choose_name, { name: personName(offers[0].user) }),
        action: "choose_presenter", extra: { user: offers[0].user } };
    }
    if (offers.length) return { label: texts.ui.choose_presenter_hint, action: null };
    if (!state.asking_for_cases) return { label: texts.ui.ask, action: "ask_for_cases" };
    return { label: texts.ui.waiting_for_case, action: null };
  }
  return { label: fmt(texts.ui.start_part, { part: partName(part) }), action: "start" };
}

function endOfPart(part) {
  // The agenda's last part: ending it is ending the meeting (another round stays one tap
  // away, under "More").
  if (afterAgendaNext() && !afterAgenda()) {
    return { label: texts.ui.end_meeting, action: "end_meeting", danger: true };
  }
  return endOfPartOnly(part);
}

function endOfPartOnly(part) {
  if (part.kind === "check_in") return { label: texts.ui.end_check_in, action: "end" };
  if (part.kind === "follow_up") return { label: texts.ui.end_follow_up, action: "end" };
  return { label: part.kind === "round" ? texts.ui.end : texts.ui.end_part, action: "end" };
}

// Whether ending the current part leaves nothing of the agenda.
function afterAgendaNext() {
  return state.part.index + 1 >= state.meeting.agenda.length;
}

function renderDock(round, live, part, outside, ended, sitsBack) {
  const dock = $("dock");
  const steer = steers();
  dock.hidden = ended || sitsBack;
  document.body.classList.toggle("has-dock", !dock.hidden);
  $("stand-in-note").hidden = !standsIn();
  const show = (id, visible) => { $(id).hidden = !visible; };

  // A leader steering.
  const paused = round && round.status === "paused";
  show("pause-button", steer && live && !paused);
  show("resume-button", steer && Boolean(paused));
  show("extend1-button", steer && live);
  show("more-button", steer);
  const step = steer ? nextStep(round, live, part) : null;
  const primary = $("primary-button");
  primary.hidden = !steer;
  if (step) {
    primary.textContent = step.label;
    primary.dataset.action = step.action || "";
    primary.dataset.extra = JSON.stringify(step.extra || {});
    primary.disabled = !step.action;
    primary.classList.toggle("danger-fill", Boolean(step.danger));
  }
  show("more-controls", steer && moreOpen);
  $("more-button").setAttribute("aria-expanded", String(steer && moreOpen));
  $("more-button").textContent = moreOpen ? texts.ui.fewer : texts.ui.more;
  if (steer) renderMore(round, live, part);

  // A member taking part.
  const caseTold = live && part.needs_presenter && round.presenter !== config.me && !leads;
  if (outside) sessionStorage.setItem(`${SIGNAL_KEY}.out`, "1");
  else if (sessionStorage.getItem(`${SIGNAL_KEY}.out`)) {
    // She was let back in: she may signal and step out again.
    sessionStorage.removeItem(`${SIGNAL_KEY}.out`);
    sessionStorage.removeItem(SIGNAL_KEY);
  }
  const signalled = sessionStorage.getItem(SIGNAL_KEY) === String(round ? round.number : "");
  const raised = state.hands.includes(config.me);
  const hand = $("hand-button");
  // Leaders give the word; they do not queue for it.
  hand.hidden = steer || outside || (groupListens() && !raised);
  hand.textContent = raised ? texts.ui.lower_hand : texts.ui.raise_hand;
  hand.dataset.raised = String(raised);
  hand.classList.toggle("primary", !steer);
  show("may-know-button", caseTold && !signalled && !outside);
  show("step-out-button", caseTold && signalled && !outside);
  renderSignals();
}

function renderMore(round, live, part) {
  const show = (id, visible) => { $(id).hidden = !visible; };
  const waiting = round && round.status === "waiting";
  show("back-button", live && round.phase_index > 0);
  if (live && round.phase_index > 0) {
    const index = round.phase_index - 1;
    $("back-button").textContent = `${fmt(texts.ui.back_to, { phase: texts.phases[part.phases[index].key].name })} \u00b7 ${clock(phaseSeconds(index))}`;
  }
  show("extend5-button", live);
  show("ask-button", !live && part.needs_presenter && part.kind !== "follow_up" && !waiting);
  show("skip-button", !live);
  const step = nextStep(round, live, part);
  // Ending the part is the primary step on its last phase; before it, it is here.
  show("end-button", live && step.action !== "end");
  $("end-button").textContent = endOfPartOnly(part).label;
  show("end-meeting-button", step.action !== "end_meeting");
}

// What needs the leader now, wherever she is on the page; a member sees her own turn.
function renderSignals() {
  if (!state || config.display) return;
  const box = $("signals");
  box.replaceChildren();
  const add = (text, action, label, kind = "") => {
    const item = document.createElement("p");
    item.className = `signal ${kind}`;
    const words = document.createElement("span");
    words.textContent = text;
    item.append(words);
    if (action) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "small";
      button.textContent = label;
      button.addEventListener("click", action);
      item.append(button);
    }
    box.append(item);
    return item;
  };
  if (steers() && !state.ended) {
    // Choices that are hers to make now, where she is: who presents, which case to
    // follow up.
    const round = state.round;
    const choosing = !isLive(round) && state.part.needs_presenter && !(round && round.presenter);
    if (choosing && state.part.kind !== "follow_up" && state.volunteers.length > 1) {
      for (const v of state.volunteers.slice(0, 4)) {
        const label = v.label ? ` \u2013 \u201c${v.label}\u201d` : "";
        add(`${personName(v.user)}${label} \u00b7 ${texts.ui[`urgency_${v.urgency}`]}`,
          () => act("choose_presenter", { user: v.user }), texts.ui.choose, "case");
      }
    }
    if (choosing && state.part.kind === "follow_up") {
      for (const c of state.earlier_cases.slice(0, 3)) {
        add(c.label ? `\u201c${c.label}\u201d` : fmt(texts.ui.case_from, { date: c.date }),
          () => act("choose_follow_up", { round: c.id }), texts.ui.choose_follow_up, "case");
      }
    }
  }
  if (leads && !state.ended) {
    if (state.hands.length) {
      const names = state.hands.map(personName).join(", ");
      add(fmt(texts.ui.hands_raised, { names }), () => send({ action: "call_on", user: state.hands[0] }),
        fmt(texts.ui.give_word_to, { name: personName(state.hands[0]) }), "hand");
    }
    for (const s of state.lindauer) {
      const name = personName(s.user);
      if (s.outside) {
        add(fmt(texts.ui.lindauer_outside, { name }), () => send({ action: "let_back", user: s.user }),
          fmt(texts.ui.let_back_name, { name }), "lindauer");
      } else {
        add(fmt(texts.ui.lindauer_signal, { name }), () => send({ action: "see_out", user: s.user }),
          fmt(texts.ui.see_out, { name }), "lindauer");
      }
    }
    const stored = JSON.parse(sessionStorage.getItem(MESSAGES_KEY) || "[]");
    const seen = Number(sessionStorage.getItem(SEEN_MESSAGES_KEY) || "0");
    const unseen = stored.slice(seen).filter((m) => m.from_id !== config.me);
    if (unseen.length) {
      const last = unseen[unseen.length - 1];
      add(`${last.from}: ${last.text}`, () => {
        sessionStorage.setItem(SEEN_MESSAGES_KEY, String(stored.length));
        renderSignals();
      }, texts.ui.dismiss, "message");
    }
  }
  if (!leads && !state.ended) {
    const round = state.round;
    const turn = isLive(round) && state.part.per_person_seconds
      && round.speaker_order[round.speaker_index] === config.me;
    if (state.speaker === config.me) add(texts.ui.you_have_the_word, null, "", "your-turn");
    else if (turn) add(texts.ui.your_turn, null, "", "your-turn");
  }
  box.hidden = !box.childElementCount;
}

// What changed since the last state that someone should hear of: a new phase (for
// those who asked to be told), a new hand or Lindauer signal (a soft sound for leaders).
function noticeChanges() {
  if (!previous) return;
  notifyPhase();
  if (!leads) return;
  const newHand = state.hands.some((id) => !previous.hands.includes(id));
  const newSignal = state.lindauer.some((s) => !previous.lindauer.some(
    (p) => p.user === s.user && p.outside === s.outside));
  if (newHand || newSignal) signal();
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
  $("speaker-line").textContent = state.speaker ? fmt(texts.ui.has_the_word, { name: personName(state.speaker) }) : "";
  const hands = $("hands");
  hands.replaceChildren();
  for (const id of state.hands) {
    const li = document.createElement("li");
    li.dataset.user = String(id);
    li.textContent = personName(id);
    const button = document.createElement("button");
    button.type = "button";
    button.className = "small secondary";
    button.textContent = texts.ui.call_on;
    button.addEventListener("click", () => send({ action: "call_on", user: id }));
    li.append(" ", button);
    hands.append(li);
  }
  $("no-hands").hidden = Boolean(state.hands.length);
  const select = $("backup-select");
  const options = [["", texts.ui.no_backup], ...state.participants.filter((p) => p.role === "member").map((p) => [String(p.id), p.name])];
  if (select.options.length !== options.length || document.activeElement !== select) {
    select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
    select.value = state.backup ? String(state.backup) : "";
  }
  const alerts = $("lindauer-alerts");
  alerts.replaceChildren();
  for (const s of state.lindauer) {
    const p = document.createElement("p");
    p.dataset.user = String(s.user);
    p.textContent = fmt(s.outside ? texts.ui.lindauer_outside : texts.ui.lindauer_signal, { name: personName(s.user) });
    alerts.append(p);
  }
  $("lindauer-box").hidden = !state.lindauer.length;
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

// --- the timer, the tab and the phone ------------------------------------------------------

function secondsLeft(round) {
  if (round.status === "paused") return round.remaining;
  return round.deadline - serverNow();
}

function clock(seconds) {
  const whole = Math.floor(Math.abs(seconds));
  const m = Math.floor(whole / 60);
  const s = String(whole % 60).padStart(2, "0");
  return `${seconds < 0 ? "-" : ""}${m}:${s}`;
}

function tick() {
  if (!state) return;
  const round = state.round;
  const timer = $("timer");
  const note = $("timer-note");
  const live = isLive(round) && !state.ended;
  if (!live) {
    timer.textContent = "";
    timer.dataset.secondsLeft = "";
    timer.classList.remove("overrun");
    note.textContent = "";
    showInTab(null);
    return;
  }
  // Count whole seconds up, so that 9:59.5 shows as 10:00 the moment a phase starts.
  const left = Math.ceil(secondsLeft(round) - 0.001);
  const overrun = left < 0;
  timer.textContent = overrun ? `+${clock(-left)}` : clock(left);
  timer.dataset.secondsLeft = String(left);
  timer.classList.toggle("overrun", overrun);
  timer.classList.toggle("paused", round.status === "paused");
  note.textContent = round.status === "paused" ? texts.ui.paused
    : overrun ? `${texts.ui.overrun} \u2013 ${texts.ui.time_up}` : texts.ui.left;
  showInTab(left);
  const key = `${round.number}:${round.phase_index}:${round.speaker_index}:${round.deadline}`;
  if (overrun && steers() && chimedFor !== key && round.status === "running") {
    chimedFor = key;
    if (!muted) chime([523.25, 659.25]);
  }
}

// The phase and its time in the tab's title and icon: enough for those whose video call
// is in front.
let tabShown = null;
function showInTab(left) {
  const phase = currentPhase();
  let title = baseTitle;
  if (state.ended) title = `${texts.ui.ended_title} \u2013 ${config.group || baseTitle}`;
  else if (phase && left !== null) {
    const time = left < 0 ? `+${clock(-left)}` : clock(left);
    title = `${time} \u00b7 ${texts.phases[phase.key].name} \u2013 ${config.group || baseTitle}`;
  }
  if (document.title !== title) document.title = title;
  const minutes = phase && left !== null ? Math.max(0, Math.ceil(left / 60)) : null;
  const icon = `${minutes}:${left !== null && left < 0}:${state.round ? state.round.status : ""}`;
  if (icon === tabShown) return;
  tabShown = icon;
  drawIcon(minutes, left !== null && left < 0, state.round && state.round.status === "paused");
}

function drawIcon(minutes, overrun, paused) {
  let link = document.querySelector("link[rel=icon]");
  if (minutes === null) {
    if (link && link.dataset.original) link.href = link.dataset.original;
    return;
  }
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = 64;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.fillStyle = overrun ? "#a02c2c" : paused ? "#8a8f8c" : "#2f6f6a";
  ctx.beginPath();
  ctx.arc(32, 32, 31, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = "#fff";
  ctx.font = "bold 34px system-ui, sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(String(Math.min(minutes, 99)), 32, 34);
  if (!link) {
    link = document.createElement("link");
    link.rel = "icon";
    document.head.append(link);
  }
  if (!link.dataset.original) link.dataset.original = link.href;
  link.type = "image/png";
  link.href = canvas.toDataURL("image/png");
}

// A notification at each new phase, for those who asked for it, while the tab is behind.
function notifyPhase() {
  if (localStorage.getItem(NOTIFY_KEY) !== "on" || !("Notification" in window)
      || Notification.permission !== "granted" || !document.hidden) return;
  const was = previous.round && isLive(previous.round) ? `${previous.part.index}:${previous.round.phase_index}` : "";
  const phase = currentPhase();
  const now = phase ? `${state.part.index}:${state.round.phase_index}` : "";
  if (!phase || was === now) return;
  const text = texts.phases[phase.key];
  new Notification(text.name, { body: text.rule, tag: `balintroom-${config.meeting}` });
}

function renderNotifyToggle() {
  const toggle = $("notify-toggle");
  if (!toggle || !("Notification" in window)) return;
  toggle.hidden = false;
  const on = localStorage.getItem(NOTIFY_KEY) === "on" && Notification.permission === "granted";
  toggle.textContent = on ? texts.ui.notify_off : texts.ui.notify_on;
  toggle.setAttribute("aria-pressed", String(on));
}

// The leader's phone stays awake while a part of the meeting runs.
async function holdScreenAwake(wanted) {
  if (!("wakeLock" in navigator)) return;
  try {
    if (wanted && !wakeLock && document.visibilityState === "visible") {
      wakeLock = await navigator.wakeLock.request("screen");
      wakeLock.addEventListener("release", () => { wakeLock = null; });
    } else if (!wanted && wakeLock) {
      await wakeLock.release();
      wakeLock = null;
    }
  } catch (error) {
    // Not allowed here (no user gesture yet, a battery saver): the screen may dim.
  }
}

// Soft sounds, made here so that nothing is loaded; only the leader hears them, and the
// phase never changes by itself.
function chime(notes) {
  try {
    const ctx = new AudioContext();
    notes.forEach((freq, i) => {
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
    // No audio device: the signal still shows on screen.
  }
}

function signal() {
  if (leads && !muted) chime([783.99]);
}

// --- actions ---------------------------------------------------------------------------

// Asked in the page, in words for what is ending.
function confirmThen(text, okLabel, then) {
  const dialog = $("confirm-dialog");
  $("confirm-text").textContent = text;
  $("confirm-ok").textContent = okLabel;
  $("confirm-ok").onclick = () => { dialog.close(); then(); };
  $("confirm-cancel").onclick = () => dialog.close();
  dialog.showModal();
}

function endConfirmation(action) {
  const kind = state.part.kind;
  if (action === "end_meeting") return [texts.ui.confirm_end_meeting, texts.ui.end_meeting];
  if (kind === "check_in") return [texts.ui.confirm_end_check_in, texts.ui.end_check_in];
  if (kind === "follow_up") return [texts.ui.confirm_end_follow_up, texts.ui.end_follow_up];
  if (kind === "round") return [texts.ui.confirm_end_round, texts.ui.end];
  return [texts.ui.confirm_end_part, texts.ui.end_part];
}

function act(action, extra = {}) {
  const go = () => {
    if (action === "end_meeting") sessionStorage.setItem(ENDING_KEY, "1");
    send({ action, expected_version: state ? state.version : 0, ...extra });
  };
  if (action === "end" || action === "end_meeting") {
    const [text, label] = endConfirmation(action);
    confirmThen(text, label, go);
    return;
  }
  go();
}

// The leader who ended the meeting goes on to what is left to do.
function leaveWhenEnding() {
  if (config.after && sessionStorage.getItem(ENDING_KEY)) {
    sessionStorage.removeItem(ENDING_KEY);
    location.assign(config.after);
  }
}

$("review-card").addEventListener("submit", (event) => {
  if (!event.target.matches("[data-review-form]")) return;
  event.preventDefault();
  sendReview(event.target);
});

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
    confirmThen(texts.ui.confirm_may_know, texts.ui.may_know, () => {
      send({ action: "may_know_patient" });
      sessionStorage.setItem(SIGNAL_KEY, String(state.round.number));
      render();
    });
  });
  $("step-out-button").addEventListener("click", () => send({ action: "step_out" }));
  for (const button of document.querySelectorAll("#dock [data-action]")) {
    if (button.id === "primary-button") continue;
    button.addEventListener("click", () => {
      const extra = button.dataset.minutes ? { minutes: Number(button.dataset.minutes) } : {};
      moreOpen = false;
      act(button.dataset.action, extra);
      if (state) render();
    });
  }
  $("primary-button").addEventListener("click", () => {
    const button = $("primary-button");
    if (button.dataset.action) act(button.dataset.action, JSON.parse(button.dataset.extra || "{}"));
  });
  $("more-button").addEventListener("click", () => {
    moreOpen = !moreOpen;
    render();
  });
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
  const notify = $("notify-toggle");
  notify.addEventListener("click", async () => {
    if (localStorage.getItem(NOTIFY_KEY) === "on" && Notification.permission === "granted") {
      localStorage.setItem(NOTIFY_KEY, "off");
    } else if (await Notification.requestPermission() === "granted") {
      localStorage.setItem(NOTIFY_KEY, "on");
    }
    renderNotifyToggle();
  });
  renderNotifyToggle();
  document.addEventListener("visibilitychange", () => {
    if (state && document.visibilityState === "visible") holdScreenAwake(isLive(state.round) && leads && !state.ended);
  });
  if (leads) {
    $("hide-prompt-button").addEventListener("click", () => send({ action: "hide_prompt" }));
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

// The page keeps room at its foot for the dock, however tall the dock is now.
const dock = $("dock");
if (dock && "ResizeObserver" in window) {
  new ResizeObserver(() => {
    document.body.style.setProperty("--dock-height", `${dock.offsetHeight + 16}px`);
  }).observe(dock);
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
