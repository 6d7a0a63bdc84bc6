// Send page: the recipient combobox (search as you type, keyboard first) and "Check" without losing the chosen file.
// Without this script the page still works: a textarea of registry numbers and two plain submit buttons.
(function () {
    'use strict';
    const form = document.getElementById('send-form');
    const picker = document.getElementById('recipient-picker');
    const plain = document.getElementById('recipient-plain');
    const textarea = document.getElementById('recipients');
    const input = document.getElementById('recipient-search');
    const list = document.getElementById('recipient-suggestions');
    const chips = document.getElementById('recipient-chips');
    const status = document.getElementById('recipient-status');
    if (!form || !picker || !textarea || !input || !list || !chips) { return; }

    const names = JSON.parse(picker.dataset.names || '{}');
    const chosen = textarea.value.split(/[\s,;]+/).filter(Boolean);
    let options = [];
    let active = -1;
    let timer = 0;
    let lastQuery = '';

    picker.hidden = false;
    plain.hidden = true;
    renderChips();

    function format(template, value) { return template.replace('{0}', value); }
    function say(text) { status.textContent = text; }
    function label(number) { return names[number] ? names[number] + ' (' + number + ')' : number; }

    function sync() { textarea.value = chosen.join(' '); }

    function renderChips() {
        chips.replaceChildren();
        if (chosen.length === 0) {
            const empty = document.createElement('li');
            empty.className = 'hint small';
            empty.textContent = picker.dataset.msgEmpty;
            chips.appendChild(empty);
        }
        chosen.forEach(function (number) {
            const chip = document.createElement('li');
            chip.dataset.number = number;
            chip.appendChild(document.createTextNode(label(number) + ' '));
            const remove = document.createElement('button');
            remove.type = 'button';
            remove.className = 'link';
            remove.textContent = '×';
            remove.setAttribute('aria-label', format(picker.dataset.msgRemove, label(number)));
            remove.addEventListener('click', function () {
                chosen.splice(chosen.indexOf(number), 1);
                sync();
                renderChips();
                say(format(picker.dataset.msgRemoved, label(number)));
                input.focus();
            });
            chip.appendChild(remove);
            chips.appendChild(chip);
        });
    }

    function add(number, name) {
        if (name) { names[number] = name; }
        if (chosen.indexOf(number) < 0) { chosen.push(number); }
        sync();
        renderChips();
        close();
        input.value = '';
        say(format(picker.dataset.msgAdded, label(number)));
    }

    function close() {
        list.hidden = true;
        list.replaceChildren();
        input.setAttribute('aria-expanded', 'false');
        input.removeAttribute('aria-activedescendant');
        options = [];
        active = -1;
    }

    function highlight(index) {
        active = index;
        Array.prototype.forEach.call(list.children, function (item, i) { item.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
        if (index >= 0 && list.children[index]) {
            input.setAttribute('aria-activedescendant', list.children[index].id);
            list.children[index].scrollIntoView({ block: 'nearest' });
        } else {
            input.removeAttribute('aria-activedescendant');
        }
    }

    function show(found) {
        options = found.filter(function (o) { return chosen.indexOf(o.registryNumber) < 0; });
        list.replaceChildren();
        options.forEach(function (option, i) {
            const item = document.createElement('li');
            item.id = 'recipient-option-' + i;
            item.setAttribute('role', 'option');
            item.setAttribute('aria-selected', 'false');
            item.textContent = option.name + ' (' + option.registryNumber + ')';
            const kind = document.createElement('span');
            kind.className = 'kind';
            kind.textContent = option.kind;
            item.appendChild(kind);
            // mousedown, not click: the input must not lose focus before the choice is taken.
            item.addEventListener('mousedown', function (event) { event.preventDefault(); add(option.registryNumber, option.name); });
            list.appendChild(item);
        });
        list.hidden = options.length === 0;
        input.setAttribute('aria-expanded', options.length > 0 ? 'true' : 'false');
        active = -1;
        say(options.length === 0 ? picker.dataset.msgNone : format(picker.dataset.msgMatches, options.length));
    }

    function search() {
        const query = input.value.trim();
        if (query === lastQuery) { return; }
        lastQuery = query;
        if (query.length === 0) { close(); return; }
        fetch(picker.dataset.searchUrl + '&q=' + encodeURIComponent(query), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
            .then(function (response) { return response.ok ? response.json() : []; })
            .then(function (found) { if (input.value.trim() === query) { show(found); } })
            .catch(function () { close(); });
    }

    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 200); });
    input.addEventListener('blur', function () { setTimeout(close, 150); lastQuery = ''; });
    input.addEventListener('keydown', function (event) {
        if (event.key === 'ArrowDown' && options.length > 0) {
            event.preventDefault();
            highlight(Math.min(active + 1, options.length - 1));
        } else if (event.key === 'ArrowUp' && options.length > 0) {
            event.preventDefault();
            highlight(Math.max(active - 1, 0));
        } else if (event.key === 'Escape') {
            close();
        } else if (event.key === 'Enter') {
            // Enter in the search box chooses, it never submits the letter.
            event.preventDefault();
            const typed = input.value.trim();
            if (active >= 0) {
                add(options[active].registryNumber, options[active].name);
            } else if (options.length === 1) {
                add(options[0].registryNumber, options[0].name);
            } else if (/^\d{5,12}$/.test(typed)) {
                add(typed, null);
            }
        }
    });

    // "Check" asks only for the verdict, so the chosen file stays in the form for "Send".
    const checkButton = document.getElementById('check-button');
    const sendButton = document.getElementById('send-button');
    const result = document.getElementById('check-result');
    checkButton.addEventListener('click', function (event) {
        event.preventDefault();
        const original = checkButton.textContent;
        checkButton.disabled = true;
        checkButton.textContent = checkButton.dataset.busy;
        fetch(checkButton.getAttribute('formaction'), { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'X-Partial': '1' } })
            .then(function (response) { return response.text(); })
            .then(function (html) { result.innerHTML = html; })
            .finally(function () { checkButton.disabled = false; checkButton.textContent = original; });
    });

    // A refusal is read first: focused (it is a status region, so it is also announced) and scrolled into view.
    function showVerdict(html) {
        result.innerHTML = html;
        const verdict = document.getElementById('check-verdict');
        if (verdict && verdict.classList.contains('check-bad')) {
            verdict.tabIndex = -1;
            verdict.focus({ preventScroll: true });
            verdict.scrollIntoView({ block: 'center' });
        }
    }

    // The whole page came back refused (sent without this script, or the fetch below failed): show it the same way.
    if (result.querySelector('#check-verdict.check-bad')) { showVerdict(result.innerHTML); }

    // "Send" with fetch, so a refusal leaves the chosen file in the form; one click sends once (the idempotency key
    // covers a resent form too). Accepted, the server names the letter's page and the browser goes there.
    form.addEventListener('submit', function (event) {
        if (event.submitter !== sendButton) { return; }
        event.preventDefault();
        if (sendButton.dataset.sent === '1' || !form.reportValidity()) { return; }
        const original = sendButton.textContent;
        sendButton.dataset.sent = '1';
        sendButton.disabled = true;
        sendButton.textContent = sendButton.dataset.busy;
        fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'X-Partial': '1' } })
            .then(function (response) {
                const type = response.headers.get('Content-Type') || '';
                if (response.ok && type.indexOf('application/json') >= 0) {
                    return response.json().then(function (sent) { window.location.assign(sent.location); });
                }
                return response.text().then(function (html) {
                    showVerdict(html);
                    sendButton.dataset.sent = '';
                    sendButton.disabled = false;
                    sendButton.textContent = original;
                });
            })
            .catch(function () { form.submit(); });
    });
})();
