// Company login with the e-Token file (PKCS#12): open it with the password and sign the server's one-time challenge
// here in the browser (node-forge, detached CMS with SHA-256), then post only the nonce and the signature.
// The private key and the password never leave this page.
(function () {
    'use strict';
    const form = document.getElementById('certificate-login');
    if (!form || !window.forge) { return; }
    const status = document.getElementById('certificate-status');
    const button = document.getElementById('certificate-submit');
    const token = form.querySelector('input[name="__RequestVerificationToken"]');

    function fail(message) {
        status.textContent = message;
        status.className = 'status bad';
        button.disabled = false;
    }

    function readFile(file) {
        return new Promise((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(new Uint8Array(reader.result));
            reader.onerror = () => reject(reader.error);
            reader.readAsArrayBuffer(file);
        });
    }

    function toBinary(bytes) {
        let text = '';
        for (let i = 0; i < bytes.length; i += 8192) {
            text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
        }
        return text;
    }

    function openToken(bytes, password) {
        const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(toBinary(bytes)), password);
        const keyBags = (p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] || [])
            .concat(p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] || []);
        const certificates = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] || []).map(b => b.cert).filter(c => c);
        const key = keyBags.length ? keyBags[0].key : null;
        // The signer is the certificate whose public key matches the private key; the rest is its chain.
        const signer = key && certificates.find(c => c.publicKey && c.publicKey.n && c.publicKey.n.equals(key.n));
        return { key, signer, certificates };
    }

    form.addEventListener('submit', async event => {
        if (form.dataset.signed === 'yes') { return; }
        event.preventDefault();
        const file = document.getElementById('p12').files[0];
        const password = document.getElementById('p12-password').value;
        if (!file) { fail(form.dataset.msgFile); return; }
        button.disabled = true;
        status.className = 'status';
        status.textContent = form.dataset.msgBusy;
        let identity;
        try {
            identity = openToken(await readFile(file), password);
        } catch (error) {
            fail(form.dataset.msgPassword);
            return;
        }
        if (!identity.key || !identity.signer) { fail(form.dataset.msgKey); return; }
        try {
            const response = await fetch(form.dataset.challengeUrl, {
                method: 'POST',
                headers: { 'RequestVerificationToken': token ? token.value : '' },
                credentials: 'same-origin',
            });
            if (!response.ok) { throw new Error('challenge ' + response.status); }
            const challenge = await response.json();
            const signed = forge.pkcs7.createSignedData();
            signed.content = forge.util.createBuffer(challenge.nonce, 'utf8');
            identity.certificates.forEach(c => signed.addCertificate(c));
            signed.addSigner({
                key: identity.key,
                certificate: identity.signer,
                digestAlgorithm: forge.pki.oids.sha256,
                authenticatedAttributes: [
                    { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
                    { type: forge.pki.oids.messageDigest },
                    { type: forge.pki.oids.signingTime, value: new Date() },
                ],
            });
            signed.sign({ detached: true });
            document.getElementById('nonce').value = challenge.nonce;
            document.getElementById('signature').value = forge.util.encode64(forge.asn1.toDer(signed.toAsn1()).getBytes());
            form.dataset.signed = 'yes';
            form.submit();
        } catch (error) {
            fail(form.dataset.msgKey + ' (' + error.message + ')');
        }
    });
}());
