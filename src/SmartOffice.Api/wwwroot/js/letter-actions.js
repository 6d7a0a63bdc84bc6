// The letter page's secondary actions. A menu link to a folded section (close, forward, report) unfolds it, which a
// plain link to a <details> does not do.
(() => {
  const unfold = () => {
    const target = location.hash.length > 1 ? document.getElementById(location.hash.slice(1)) : null;
    if (target instanceof HTMLDetailsElement) {
      target.open = true;
      target.querySelector('summary')?.focus();
    }
  };
  window.addEventListener('hashchange', unfold);
  unfold();
  // A menu closes once its link is followed, so it does not cover the section it opened.
  document.querySelectorAll('details.menu a[href^="#"]').forEach((link) => link.addEventListener('click', () => {
    link.closest('details').open = false;
  }));
})();

// Suggests agencies as the clerk types where to forward a letter: the directory's own search (the send page's), agencies
// only, offered in the field's list by registry number with the name. Without this script the clerk types the number.
(() => {
  const input = document.getElementById('forward-to');
  const list = document.getElementById('forward-agencies');
  if (!input || !list) return;
  let timer = 0;
  let asked = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const query = input.value.trim();
      if (query.length < 2 || query === asked) return;
      asked = query;
      const url = `${input.dataset.searchUrl}&q=${encodeURIComponent(query)}`;
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) return;
      const agencies = await response.json();
      list.replaceChildren(...agencies.map((agency) => {
        const option = document.createElement('option');
        option.value = agency.registryNumber;
        option.label = agency.name;
        option.textContent = agency.name;
        return option;
      }));
    }, 200);
  });
})();
