// The EIV report: copy its text for the chamber's form, and print its barcodes. Without
// this script the text can still be selected and copied by hand, and the page printed
// from the browser's menu; so the buttons show only when it runs.

const text = document.getElementById("eiv-text");
const copy = document.getElementById("eiv-copy");
const status = document.getElementById("eiv-copy-status");

async function copyText() {
  try {
    // Only in a secure context (https, or localhost); elsewhere the older way below.
    await navigator.clipboard.writeText(text.value);
  } catch {
    text.focus();
    text.select();
    if (!document.execCommand("copy")) {
      status.textContent = copy.dataset.failed;
      return;
    }
  }
  status.textContent = copy.dataset.copied;
}

if (text && copy && status) {
  copy.hidden = false;
  copy.addEventListener("click", copyText);
}

const print = document.getElementById("eiv-print");
if (print) {
  print.hidden = false;
  print.addEventListener("click", () => window.print());
}
