// The cover sheet's Print button (the page's policy allows no inline script).
document.getElementById('print-cover')?.addEventListener('click', function () { window.print(); });
