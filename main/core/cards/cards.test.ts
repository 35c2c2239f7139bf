import QRCode from 'qrcode';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../testing/test-core.ts';

const AMARA = {
  name: 'Amara Okafor',
  email: 'amara@northwind.example',
  phone: '+44 20 7946 0321',
  organisation: 'Northwind Analytics',
  title: 'Head of Partnerships',
  url: 'https://www.linkedin.com/in/amara-okafor',
};

const qrPng = (text: string) => QRCode.toBuffer(text, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
const readId = () => `read-${Math.random().toString(36).slice(2, 12)}`;

describe('My card', () => {
  it('keeps your details and makes a vCard that reads back, through a QR code, with name, email and phone', async () => {
    const { call } = await openTestCore();
    expect(await call('cards.getProfile', {})).toEqual({});
    await call('cards.setProfile', AMARA);
    expect(await call('cards.getProfile', {})).toEqual({ profile: AMARA });

    const { vcard } = await call('cards.myCard', {});
    expect(vcard).toMatch(/^BEGIN:VCARD\r\nVERSION:3.0\r\n/);

    const png = await qrPng(vcard);
    const reading = await call('cards.read', {
      readId: readId(),
      fileName: 'my-card.png',
      base64: png.toString('base64'),
    });
    expect(reading).toMatchObject({
      outcome: 'read',
      source: 'qr-vcard',
      draft: {
        name: AMARA.name,
        email: AMARA.email,
        phone: AMARA.phone,
        organisation: AMARA.organisation,
        title: AMARA.title,
        url: AMARA.url,
      },
    });
  });

  it('refuses details that are not valid, naming the field', async () => {
    const { core } = await openTestCore();
    const result = await core.request('cards.setProfile', { ...AMARA, email: 'amara at northwind' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', details: [{ path: ['email'] }] } });
    expect(await core.request('cards.myCard', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('reading a card from an image', () => {
  it('reads a LinkedIn QR code as a profile address with the name from it', async () => {
    const { call } = await openTestCore();
    const png = await qrPng('https://www.linkedin.com/in/jonas-lindqvist-77a1/');
    const reading = await call('cards.read', { readId: readId(), fileName: 'qr.png', base64: png.toString('base64') });
    expect(reading).toMatchObject({
      outcome: 'read',
      source: 'qr-url',
      draft: { name: 'Jonas Lindqvist', url: 'https://www.linkedin.com/in/jonas-lindqvist-77a1/' },
    });
  });

  it('reads an image sent as an upload, and discards the upload afterwards', async () => {
    const { call, core } = await openTestCore();
    const png = await qrPng('https://example.org/me');
    const { uploadId } = await call('uploads.begin', { fileName: 'big.png', bytes: png.length });
    await call('uploads.chunk', { uploadId, offset: 0, base64: png.toString('base64') });
    const reading = await call('cards.read', { readId: readId(), fileName: 'big.png', uploadId });
    expect(reading).toMatchObject({ outcome: 'read', draft: { url: 'https://example.org/me' } });
    expect(await core.request('uploads.discard', { uploadId })).toMatchObject({
      ok: true,
      value: { discarded: false },
    });
  });

  it('says clearly what is wrong with a file it cannot read', async () => {
    const { core } = await openTestCore();
    const read = (fileName: string, bytes: Buffer) =>
      core.request('cards.read', { readId: readId(), fileName, base64: bytes.toString('base64') });
    expect(await read('card.jpg', Buffer.from('not an image at all, just text'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'card.jpg is not a PNG image.' },
    });
    const huge = new PNG({ width: 1, height: 1 });
    const header = PNG.sync.write(huge);
    header.writeUInt32BE(20_000, 16);
    header.writeUInt32BE(20_000, 20);
    expect(await read('bomb.png', header)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^bomb.png is 20000 × 20000 pixels/) },
    });
    const damaged = Buffer.concat([PNG.sync.write(new PNG({ width: 8, height: 8 })).subarray(0, 40)]);
    expect(await read('damaged.png', damaged)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/damaged.png could not be read/) },
    });
    expect(
      await core.requestUnchecked('cards.read', { readId: readId(), fileName: 'x.png', base64: 'a'.repeat(2_900_000) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', details: [{ message: expect.stringMatching(/upload/) }] },
    });
  });
});
