import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, type TestCore } from '../../testing/test-core.ts';

const open: TestCore[] = [];
afterEach(async () => {
  for (const core of open.splice(0)) await core.dispose();
});
const core = async () => {
  const c = await openTestCore();
  open.push(c);
  return c;
};

describe('CSV export (Google Contacts layout)', () => {
  it('reads back through the CSV import with everything its columns hold', async () => {
    const source = await core();
    await source.call('contacts.create', {
      displayName: 'Ngozi Adeyemi',
      givenName: 'Ngozi',
      familyName: 'Adeyemi',
      nickname: 'Zee',
      organisation: 'Kiln, Studio "North"',
      role: 'Designer',
      emails: [{ value: 'ngozi@kiln.example', label: 'work' }, { value: 'ngozi@home.example' }],
      phones: [{ value: '+44 7700 900123', label: 'mobile' }],
      social: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ngozi' }],
      addresses: [{ label: 'work', street: '1 Canal St', locality: 'Leeds', postalCode: 'LS1 4AP', country: 'UK' }],
      tags: ['design', 'met at DevConf'],
      birthday: { month: 2, day: 29 },
      notes: 'First line\nSecond line, with a comma',
    });
    await source.call('contacts.create', { displayName: 'Plain Person' });
    const file = await source.call('interchange.exportCsv', {});
    expect(file.count).toBe(2);
    expect(file.fileName).toMatch(/^rapport-people-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.text.split('\r\n')[0]).toMatch(/^Name,First Name,Last Name,Nickname,/);

    // RxDB's open build counts collections across databases: one core at a time.
    await open.pop()!.dispose();
    const target = await core();
    const preview = await target.call('interchange.preview', {
      fileName: file.fileName,
      base64: Buffer.from(file.text, 'utf8').toString('base64'),
    });
    expect(preview.format).toBe('google-csv');
    expect(preview.problems).toEqual([]);
    await target.call('interchange.commit', { sessionId: preview.sessionId, choices: [] });
    const people = (await target.core.db.contacts.find().exec()).map((d) => d.toJSON());
    const ngozi = people.find((p) => p.displayName === 'Ngozi Adeyemi');
    expect(ngozi).toMatchObject({
      givenName: 'Ngozi',
      familyName: 'Adeyemi',
      nickname: 'Zee',
      organisation: 'Kiln, Studio "North"',
      role: 'Designer',
      emails: [{ value: 'ngozi@kiln.example', label: 'work' }, { value: 'ngozi@home.example' }],
      phones: [{ value: '+44 7700 900123', label: 'mobile' }],
      addresses: [expect.objectContaining({ street: '1 Canal St', locality: 'Leeds', postalCode: 'LS1 4AP' })],
      tags: ['design', 'met at DevConf'],
      birthday: { month: 2, day: 29 },
      notes: 'First line\nSecond line, with a comma',
    });
    expect(ngozi?.social.map((s) => s.url)).toEqual(['https://www.linkedin.com/in/ngozi']);
    expect(people.map((p) => p.displayName).sort()).toEqual(['Ngozi Adeyemi', 'Plain Person']);
  });
});
