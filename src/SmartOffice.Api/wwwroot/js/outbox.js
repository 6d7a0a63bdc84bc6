// Outbox live updates: when a recipient acts on a letter shown here, its block is reloaded in place and announced;
// for letters not on this page a polite banner offers a refresh. Nothing here is needed for the page to work.
(function () {
    'use strict';
    const letters = document.getElementById('outbox-letters');
    const banner = document.getElementById('outbox-updated');
    const bannerText = document.getElementById('outbox-updated-text');
    if (!letters || !banner || typeof signalR === 'undefined') { return; }

    function showBanner(text) {
        if (text) { bannerText.textContent = text; }
        banner.hidden = false;
    }

    function reload(letterId) {
        const block = document.getElementById('letter-' + letterId);
        if (!block) { showBanner(null); return; }
        fetch(letters.dataset.letterUrl + '&id=' + encodeURIComponent(letterId), { credentials: 'same-origin' })
            .then(function (response) { if (!response.ok) { throw new Error(String(response.status)); } return response.text(); })
            .then(function (html) {
                const holder = document.createElement('div');
                holder.innerHTML = html;
                const fresh = holder.firstElementChild;
                if (fresh) { block.replaceWith(fresh); }
                const subject = fresh ? fresh.querySelector('h2') : null;
                showBanner(letters.dataset.msgUpdated.replace('{0}', subject ? subject.textContent.trim() : ''));
            })
            .catch(function () { showBanner(null); });
    }

    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/mailbox').withAutomaticReconnect().build();
    connection.on('letterUpdated', function (update) { reload(update.letterId); });
    connection.start().catch(function () { /* live updates are a convenience; the page still refreshes by hand */ });
})();
