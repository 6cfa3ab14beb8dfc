// audiobook studio: shows the book, plays paragraphs with the sentence and word lighting up,
// and follows the manuscript through the server's events. Book text is only ever set as
// text (textContent), never parsed as HTML.
"use strict";

const token = document.querySelector('meta[name="audiobook-token"]').content;
const player = document.getElementById("player");
const state = {
  book: null,
  chapter: 1,          // the chapter shown
  playing: null,       // the address being heard, "C:P"
  timings: new Map(),  // "C:P fingerprint" -> timings
  changed: new Set(),  // addresses changed since they were last heard
  frame: 0,
};

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function chapterOf(number) {
  return state.book.chapters.find((chapter) => chapter.number === number);
}

function paragraphOf(address) {
  const [c, p] = address.split(":").map(Number);
  const chapter = chapterOf(c);
  return chapter && chapter.paragraphs.find((paragraph) => paragraph.number === p);
}

async function loadBook() {
  const response = await fetch("/api/book", { cache: "no-store" });
  if (!response.ok) throw new Error("the book could not be loaded: " + response.status);
  state.book = await response.json();
  if (!chapterOf(state.chapter)) state.chapter = state.book.chapters.length ? state.book.chapters[0].number : 1;
  showBook();
}

function showBook() {
  const book = state.book;
  document.title = book.title + " · audiobook studio";
  document.getElementById("title").textContent = book.title;
  document.getElementById("byline").textContent =
    [book.author, "voice " + book.voice, book.sourceFile].filter(Boolean).join(" · ");
  document.getElementById("lexicon-file").textContent = book.lexiconFile;
  const problem = document.getElementById("problem");
  problem.hidden = !book.problem;
  problem.textContent = book.problem ? "The book cannot be read as saved: " + book.problem : "";
  const list = document.getElementById("chapters");
  list.replaceChildren();
  for (const chapter of book.chapters) {
    const item = element("li");
    const link = element("a", "", chapter.number + ". " + chapter.title);
    link.href = "#chapter-" + chapter.number;
    link.dataset.chapter = chapter.number;
    if (chapter.number === state.chapter) link.setAttribute("aria-current", "true");
    if (chapter.paragraphs.some((p) => state.changed.has(p.address))) link.classList.add("has-changes");
    if (chapter.warnings.length) {
      const badge = element("span", "badge", "⚠");
      badge.title = chapter.warnings.join("\n");
      link.append(badge);
    }
    link.addEventListener("click", (event) => {
      event.preventDefault();
      showChapter(chapter.number);
    });
    item.append(link);
    list.append(item);
  }
  const warnings = document.getElementById("book-warnings");
  warnings.replaceChildren(...book.warnings.map((warning) => element("li", "", warning)));
  showChapter(state.chapter, { keepScroll: true });
}

function showChapter(number, options = {}) {
  const chapter = chapterOf(number);
  if (!chapter) return;
  state.chapter = number;
  for (const link of document.querySelectorAll("#chapters a")) {
    if (Number(link.dataset.chapter) === number) link.setAttribute("aria-current", "true");
    else link.removeAttribute("aria-current");
  }
  const main = document.getElementById("chapter");
  const scroll = window.scrollY;
  main.replaceChildren();
  const heading = element("h2", "", chapter.title);
  heading.id = "chapter-" + chapter.number;
  main.append(heading);
  if (chapter.warnings.length) {
    main.append(element("ul", "warnings"));
    main.lastChild.replaceChildren(...chapter.warnings.map((warning) => element("li", "", warning)));
  }
  if (!chapter.paragraphs.length) main.append(element("p", "hint", "This chapter has no text."));
  for (const paragraph of chapter.paragraphs) main.append(paragraphElement(paragraph));
  if (options.keepScroll) window.scrollTo(0, scroll);
  else window.scrollTo(0, 0);
  fetch("/api/focus", {
    method: "POST", headers: { "Content-Type": "application/json", "X-Audiobook-Token": token },
    body: JSON.stringify({ chapter: number }),
  }).catch(() => {});
}

function paragraphElement(paragraph) {
  const node = element("p", "paragraph");
  node.dataset.address = paragraph.address;
  node.title = "Paragraph " + paragraph.address + ", line " + paragraph.sourceLine + ": click to hear it";
  if (state.changed.has(paragraph.address)) node.classList.add("changed");
  if (state.playing === paragraph.address) node.classList.add("current");
  node.append(element("span", "line", String(paragraph.sourceLine)));
  paragraph.sentences.forEach((sentence, index) => {
    if (index > 0) node.append(" ");
    node.append(sentenceElement(sentence, index));
  });
  node.addEventListener("click", (event) => {
    const spelled = event.target.closest(".spelled");
    if (spelled) {
      openRespell(spelled.textContent);
      return;
    }
    play(paragraph.address);
  });
  return node;
}

// A sentence as word spans (the words espeak-ng spells out marked) and the spaces between.
function sentenceElement(text, index) {
  const span = element("span", "sentence");
  span.dataset.index = index;
  const spelled = new Set(state.book.spelled);
  for (const token of text.split(/(\s+)/)) {
    if (!token) continue;
    if (/^\s+$/.test(token)) { span.append(token); continue; }
    const word = element("span", "word", token);
    const bare = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (spelled.has(bare)) {
      word.classList.add("spelled");
      word.title = "espeak-ng spells this out: click to try a respelling";
    }
    span.append(word);
  }
  return span;
}

// The words of a sentence's span that have letters or digits, in order: the ones timed.
function timedWords(sentence) {
  return [...sentence.querySelectorAll(".word")].filter((word) => /[\p{L}\p{N}]/u.test(word.textContent));
}

async function timingsOf(address) {
  const paragraph = paragraphOf(address);
  const key = address + " " + (paragraph ? paragraph.fingerprint : "");
  if (!state.timings.has(key)) {
    const [c, p] = address.split(":");
    const response = await fetch(`/api/paragraph/${c}/${p}.json`, { cache: "no-store" });
    if (!response.ok) throw new Error((await response.json()).error || response.statusText);
    state.timings.set(key, await response.json());
  }
  return state.timings.get(key);
}

async function play(address) {
  const [c, p] = address.split(":");
  const paragraph = paragraphOf(address);
  if (!paragraph) return;
  if (Number(c) !== state.chapter) showChapter(Number(c));
  state.playing = address;
  clearReading();
  for (const node of document.querySelectorAll(".paragraph.current")) node.classList.remove("current");
  const node = document.querySelector(`.paragraph[data-address="${address}"]`);
  if (node) {
    node.classList.add("current");
    node.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
  document.getElementById("now-playing").textContent = `Chapter ${c}, paragraph ${p} (line ${paragraph.sourceLine})`;
  try {
    const timings = await timingsOf(address);
    if (state.playing !== address) return;
    player.dataset.address = address;
    player.src = `/api/paragraph/${c}/${p}.wav?v=${paragraph.fingerprint}`;
    player.dataset.sampleRate = timings.sampleRate;
    await player.play();
    state.changed.delete(address);
    if (node) node.classList.remove("changed");
    prefetchAfter(address);
  } catch (error) {
    document.getElementById("now-playing").textContent = "Cannot play " + address + ": " + error.message;
  }
}

function nextAddress(address, step) {
  const chapter = chapterOf(Number(address.split(":")[0]));
  if (!chapter) return null;
  const index = chapter.paragraphs.findIndex((paragraph) => paragraph.address === address);
  const next = chapter.paragraphs[index + step];
  return next ? next.address : null;
}

function prefetchAfter(address) {
  const next = nextAddress(address, 1);
  if (next) timingsOf(next).catch(() => {});
}

function clearReading() {
  for (const node of document.querySelectorAll(".reading")) node.classList.remove("reading");
}

// Lights the sentence and word being heard, from the timings of the paragraph playing.
function followPlayback() {
  const address = player.dataset.address;
  const paragraph = address && paragraphOf(address);
  const timings = paragraph && state.timings.get(address + " " + paragraph.fingerprint);
  const node = address && document.querySelector(`.paragraph[data-address="${address}"]`);
  if (timings && node && !player.paused) {
    const frame = player.currentTime * timings.sampleRate;
    const sentences = node.querySelectorAll(".sentence");
    timings.sentences.forEach((sentence, index) => {
      const span = sentences[index];
      if (!span) return;
      const inside = frame >= sentence.startFrame && frame < sentence.startFrame + sentence.frames;
      span.classList.toggle("reading", inside);
      const words = timedWords(span);
      (sentence.words || []).forEach((word, wordIndex) => {
        const wordSpan = words[wordIndex];
        if (wordSpan) wordSpan.classList.toggle("reading", frame >= word.startFrame && frame < word.startFrame + word.frames);
      });
    });
  }
  state.frame = requestAnimationFrame(followPlayback);
}

player.addEventListener("ended", () => {
  clearReading();
  const next = state.playing && nextAddress(state.playing, 1);
  if (next) play(next);
  else document.getElementById("now-playing").textContent = "End of the chapter.";
});
player.addEventListener("play", () => { document.getElementById("play").textContent = "❚❚"; });
player.addEventListener("pause", () => { document.getElementById("play").textContent = "▶"; });

function togglePlayback() {
  if (!player.src) {
    const chapter = chapterOf(state.chapter);
    if (chapter && chapter.paragraphs.length) play(chapter.paragraphs[0].address);
  } else if (player.paused) {
    player.play();
  } else {
    player.pause();
  }
}

document.getElementById("play").addEventListener("click", togglePlayback);
document.addEventListener("keydown", (event) => {
  if (event.target.closest("input, textarea, dialog") || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === " ") {
    event.preventDefault();
    togglePlayback();
  } else if (event.key === "ArrowDown" || event.key === "ArrowRight" || event.key === "ArrowUp" || event.key === "ArrowLeft") {
    event.preventDefault();
    const step = event.key === "ArrowDown" || event.key === "ArrowRight" ? 1 : -1;
    const chapter = chapterOf(state.chapter);
    const from = state.playing || (chapter && chapter.paragraphs.length ? chapter.paragraphs[0].address : null);
    const to = from && (state.playing ? nextAddress(from, step) : from);
    if (to) play(to);
  }
});

// The respelling panel: hear a word said another way, then save it to the book's lexicon.
const dialog = document.getElementById("respell");
function openRespell(word) {
  player.pause();
  document.getElementById("respell-word").value = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  document.getElementById("respell-said").value = "";
  document.getElementById("respell-status").textContent = "";
  dialog.showModal();
  document.getElementById("respell-said").focus();
}
document.getElementById("respell-open").addEventListener("click", () => openRespell(""));
document.getElementById("respell-hear").addEventListener("click", async () => {
  const word = document.getElementById("respell-word").value.trim();
  const said = document.getElementById("respell-said").value.trim();
  if (!word) return;
  // Percent-encoded, spaces as %20: the server reads "+" as a plus sign.
  const query = Object.entries({ text: word, word, said })
    .map(([name, value]) => name + "=" + encodeURIComponent(value)).join("&");
  const response = await fetch("/api/try?" + query, { cache: "no-store" });
  if (!response.ok) {
    document.getElementById("respell-status").textContent = (await response.json()).error;
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const trial = new Audio(url);
  trial.addEventListener("ended", () => URL.revokeObjectURL(url));
  trial.play();
});
document.getElementById("respell-save").addEventListener("click", async () => {
  const word = document.getElementById("respell-word").value.trim();
  const said = document.getElementById("respell-said").value.trim();
  const status = document.getElementById("respell-status");
  if (!word || !said) { status.textContent = "Give the word and how to say it."; return; }
  const response = await fetch("/api/lexicon", {
    method: "POST", headers: { "Content-Type": "application/json", "X-Audiobook-Token": token },
    body: JSON.stringify({ word, said }),
  });
  const answer = await response.json();
  status.textContent = response.ok ? `Saved to ${answer.file}: ${answer.word}: ${answer.said}` : answer.error;
});

// The server's events: the manuscript, its lexicon or the voice changed on disk.
function listen() {
  const events = new EventSource("/api/events");
  events.addEventListener("changed", async (event) => {
    const changed = JSON.parse(event.data);
    for (const address of changed.paragraphs) state.changed.add(address);
    await loadBook();
  });
  events.addEventListener("problem", (event) => {
    const problem = document.getElementById("problem");
    problem.hidden = false;
    problem.textContent = "The book cannot be read as saved: " + JSON.parse(event.data).problem;
  });
}

// The book as it was when the page was served, so that it shows at once; later versions
// come from /api/book.
function firstBook() {
  const data = document.getElementById("book-data");
  if (!data || !data.textContent.trim().startsWith("{")) return loadBook();
  state.book = JSON.parse(data.textContent);
  if (state.book.chapters.length) state.chapter = state.book.chapters[0].number;
  showBook();
  return Promise.resolve();
}

firstBook()
  .then(() => {
    listen();
    state.frame = requestAnimationFrame(followPlayback);
  })
  .catch((error) => {
    document.getElementById("chapter").replaceChildren(element("p", "hint", error.message));
  });
