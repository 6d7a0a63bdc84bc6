// Letter page: "Send answer" with fetch, so a refused reply leaves the chosen file in the form (a file input cannot be
// filled again after a reload). Without this script the form posts as usual and the page shows the refusal.
(function () {
    'use strict';
    const form = document.getElementById('answer-form');
    const button = document.getElementById('answer-button');
    if (!form || !button || !window.fetch) { return; }

    function showRefusal(html) {
        let box = document.getElementById('reply-refusal');
        if (!box) {
            box = document.createElement('div');
            box.id = 'reply-refusal';
            box.setAttribute('role', 'alert');
            button.before(box);
        }
        // The server's own rendering of the refusal (same origin, encoded by Razor).
        box.innerHTML = html;
        box.tabIndex = -1;
        box.focus({ preventScroll: true });
        box.scrollIntoView({ block: 'center' });
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (button.disabled || !form.reportValidity()) { return; }
        button.disabled = true;
        fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'X-Partial': '1' } })
            .then(function (response) {
                const type = response.headers.get('Content-Type') || '';
                if (response.ok && type.indexOf('application/json') >= 0) {
                    return response.json().then(function (done) { window.location.assign(done.location); });
                }
                return response.text().then(function (html) {
                    showRefusal(html);
                    button.disabled = false;
                });
            })
            .catch(function () {
                button.disabled = false;
                form.submit();
            });
    });
})();
