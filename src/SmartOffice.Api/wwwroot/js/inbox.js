// Inbox live arrival: a polite banner counts letters that arrived since the page was loaded and offers to show
// them. The list is never reloaded under the clerk's hands (no focus stolen). The page works without this script.
(function () {
    'use strict';
    const banner = document.getElementById('inbox-arrived');
    const text = document.getElementById('inbox-arrived-text');
    const script = document.getElementById('inbox-script');
    if (!banner || !text || !script || typeof signalR === 'undefined') { return; }
    let arrived = 0;

    const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/mailbox').withAutomaticReconnect().build();
    connection.on('letterArrived', function () {
        arrived += 1;
        text.textContent = arrived === 1 ? script.dataset.msgOne : script.dataset.msgMany.replace('{0}', String(arrived));
        banner.hidden = false;
    });
    connection.start().catch(function () { /* live arrival is a convenience; the inbox still refreshes by hand */ });
})();
