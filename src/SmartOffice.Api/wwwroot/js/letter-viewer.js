// Shows the letter's pages with PDF.js on every device (a phone's browser does not show a PDF in a frame), one page at
// a time at the card's width, with previous and next. The PDF is data here: nothing in it runs (no eval, no scripts).
import * as pdfjs from '/lib/pdfjs/pdf.min.mjs';

const viewer = document.getElementById('pdf-viewer');
if (viewer) {
  pdfjs.GlobalWorkerOptions.workerSrc = '/lib/pdfjs/pdf.worker.min.mjs';
  const canvas = viewer.querySelector('canvas');
  const label = viewer.querySelector('[data-page-label]');
  const previous = viewer.querySelector('[data-previous]');
  const next = viewer.querySelector('[data-next]');
  let pdf = null;
  let current = 1;

  const show = async (number) => {
    const page = await pdf.getPage(number);
    const width = Math.max(viewer.clientWidth, 320);
    const scale = width / page.getViewport({ scale: 1 }).width;
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: scale * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    await page.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
    current = number;
    label.textContent = label.dataset.format.replace('{0}', number).replace('{1}', pdf.numPages);
    previous.disabled = number <= 1;
    next.disabled = number >= pdf.numPages;
    viewer.dataset.rendered = String(number);
  };

  const load = (src) => {
    viewer.dataset.rendered = '';
    viewer.dataset.shown = src;
    return pdfjs.getDocument({ url: src, isEvalSupported: false, enableXfa: false }).promise
      .then(async (document) => { pdf = document; viewer.hidden = false; await show(1); })
      .catch(() => { viewer.dataset.rendered = 'failed'; });
  };

  previous.addEventListener('click', () => current > 1 && show(current - 1));
  next.addEventListener('click', () => current < pdf.numPages && show(current + 1));
  // The letter and its attachments share the viewer: a "view" link shows its document in place of the one shown.
  const views = document.querySelectorAll('[data-view-src]');
  views.forEach((link) => link.addEventListener('click', (event) => {
    event.preventDefault();
    views.forEach((other) => other.removeAttribute('aria-current'));
    link.setAttribute('aria-current', 'true');
    load(link.dataset.viewSrc);
    viewer.scrollIntoView({ block: 'nearest' });
  }));
  load(viewer.dataset.src);
}
