#!/usr/bin/env node
// Sign a PDF with @signpdf (independent of the project under test).
// Usage: node sign.mjs in.pdf out.pdf key.p12 password [options]
//   --subfilter etsi|pkcs7     /SubFilter ETSI.CAdES.detached (default) or adbe.pkcs7.detached
//   --placeholder plain|pdflib plain = incremental update appended to the original bytes (default);
//                              pdflib = pdf-lib re-writes the whole file (original bytes NOT preserved)
//   --cms forge|openssl        forge = @signpdf/signer-p12 (node-forge; CMS has contentType, signingTime,
//                              messageDigest only - no ESS signing-certificate-v2) (default);
//                              openssl = `openssl cms -sign -cades` (adds signing-certificate-v2)
//   --reason TEXT  --name TEXT  --location TEXT  --contact TEXT
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import signpdfModule from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED, SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';

const signpdf = signpdfModule.default ?? signpdfModule; // CommonJS interop

const [inPath, outPath, p12Path, password, ...rest] = process.argv.slice(2);
if (!inPath || !outPath || !p12Path || password === undefined) {
  console.error('usage: node sign.mjs in.pdf out.pdf key.p12 password [--subfilter etsi|pkcs7] [--placeholder plain|pdflib] [--cms forge|openssl] [--reason T] [--name T] [--location T] [--contact T]');
  process.exit(2);
}
const opt = { subfilter: 'etsi', placeholder: 'plain', cms: 'forge', reason: 'Signed letter', name: '', location: '', contact: '' };
for (let i = 0; i < rest.length; i += 2) {
  const k = rest[i].replace(/^--/, '');
  if (!(k in opt) || rest[i + 1] === undefined) { console.error(`bad option ${rest[i]}`); process.exit(2); }
  opt[k] = rest[i + 1];
}
const subFilter = opt.subfilter === 'pkcs7' ? SUBFILTER_ADOBE_PKCS7_DETACHED : SUBFILTER_ETSI_CADES_DETACHED;

// CMS via the openssl CLI (CAdES: adds ESS signing-certificate-v2).
class OpensslCadesSigner extends Signer {
  constructor(p12, pass) { super(); this.p12 = p12; this.pass = pass; }
  async sign(pdfBuffer) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signmjs-'));
    try {
      const f = (n) => path.join(dir, n);
      fs.writeFileSync(f('data'), pdfBuffer);
      const pk = (...a) => execFileSync('openssl', ['pkcs12', '-in', this.p12, '-passin', `pass:${this.pass}`, ...a]);
      fs.writeFileSync(f('key.pem'), pk('-nocerts', '-nodes'));
      fs.writeFileSync(f('cert.pem'), pk('-clcerts', '-nokeys'));
      fs.writeFileSync(f('chain.pem'), pk('-cacerts', '-nokeys'));
      const args = ['cms', '-sign', '-binary', '-in', f('data'), '-signer', f('cert.pem'), '-inkey', f('key.pem'),
        '-md', 'sha256', '-outform', 'DER', '-out', f('sig.der'), '-nosmimecap', '-cades'];
      if (fs.statSync(f('chain.pem')).size > 0) args.push('-certfile', f('chain.pem'));
      execFileSync('openssl', args);
      return fs.readFileSync(f('sig.der'));
    } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  }
}

const input = fs.readFileSync(inPath);
const p12 = fs.readFileSync(p12Path);
const meta = { reason: opt.reason, contactInfo: opt.contact, name: opt.name, location: opt.location, subFilter, signatureLength: 16384 };

let withPlaceholder;
if (opt.placeholder === 'pdflib') {
  const pdfDoc = await PDFDocument.load(input);
  pdflibAddPlaceholder({ pdfDoc, ...meta });
  withPlaceholder = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
} else {
  withPlaceholder = plainAddPlaceholder({ pdfBuffer: input, ...meta });
}
const signer = opt.cms === 'openssl' ? new OpensslCadesSigner(p12Path, password) : new P12Signer(p12, { passphrase: password });
const signed = await signpdf.sign(withPlaceholder, signer);
fs.writeFileSync(outPath, signed);
console.error(`signed ${inPath} -> ${outPath} (${signed.length} bytes, ${subFilter}, placeholder=${opt.placeholder}, cms=${opt.cms})`);
