import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { samContact } from '../failures/fixtures.ts';
import { ContactFacts } from './ContactFacts.tsx';

describe('the About card', () => {
  it('shows addresses from an imported card, on envelope lines with their label, and skips empty ones', () => {
    render(
      <ContactFacts
        contact={{
          ...samContact,
          addresses: [
            { label: 'work', street: '1 Infinite Loop', locality: 'Cupertino', postalCode: '95014', country: 'USA' },
            { label: 'home' },
          ],
        }}
      />,
    );
    const about = screen.getByRole('complementary', { name: 'About' });
    expect(within(about).getByText('Address')).toBeTruthy();
    expect(within(about).getByText(/work:\s+1 Infinite Loop\s+95014 Cupertino\s+USA/)).toBeTruthy();
    expect(about.textContent).not.toContain('home:');
  });

  it('lets an e-mail address wrap before "@" and its dots, not inside a word', () => {
    render(<ContactFacts contact={{ ...samContact, emails: [{ value: 'ze.adaeze@mail.example.net' }] }} />);
    const link = document.querySelector<HTMLAnchorElement>('a[href="mailto:ze.adaeze@mail.example.net"]')!;
    expect(link.textContent).toBe('ze.adaeze@mail.example.net');
    expect([...link.childNodes].map((n) => (n.nodeName === 'WBR' ? '|' : n.textContent)).join('')).toBe(
      'ze|.adaeze|@mail|.example|.net',
    );
  });
});
