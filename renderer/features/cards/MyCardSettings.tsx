import { QrCode as QrIcon } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import { Profile } from '../../../shared/domain/cards/card-draft.ts';
import { toFieldIssues, type FieldIssue } from '../../../shared/ipc/result.ts';
import { rapport } from '../../api/rapport.ts';
import { useRequest } from '../../api/request.ts';
import { navigate, useRoute } from '../../navigation/useScreen.ts';
import { Field, FormError } from '../../ui/Field.tsx';
import { MyCardDialog } from './MyCardDialog.tsx';
import './cards.css';
import { RestoredDraft } from '../../ui/drafts/RestoredDraft.tsx';
import { useFormDraft } from '../../ui/drafts/useFormDraft.ts';
import { useFocusFirstError } from '../../ui/useFocusFirstError.ts';

type ProfileField = keyof Profile;
const FIELDS: Array<{ name: ProfileField; label: string; type?: string; autoComplete: string }> = [
  { name: 'name', label: 'Name', autoComplete: 'name' },
  { name: 'title', label: 'Job title', autoComplete: 'organization-title' },
  { name: 'organisation', label: 'Organisation', autoComplete: 'organization' },
  { name: 'email', label: 'Email', type: 'email', autoComplete: 'email' },
  { name: 'phone', label: 'Phone', type: 'tel', autoComplete: 'tel' },
  { name: 'url', label: 'Web or LinkedIn address', type: 'url', autoComplete: 'url' },
];

/** The route that opens your card full-screen (the command palette's "Show my card"). */
export const MY_CARD_PARAM = 'my-card';

const errorsFrom = (issues: FieldIssue[]) => {
  const errors: Partial<Record<ProfileField | 'form', string>> = {};
  for (const issue of issues) {
    const key = FIELDS.some((f) => f.name === issue.path[0]) ? (issue.path[0] as ProfileField) : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
};

/**
 * Settings → My card: your own details, and the QR code of your vCard for someone to scan.
 * `#/settings/my-card` opens the card full-screen straight away.
 */
export function MyCardSettings() {
  const request = useRequest();
  const route = useRoute();
  const [profile, setProfile] = useState<Profile | undefined | null>(null);
  const [errors, setErrors] = useState<Partial<Record<ProfileField | 'form', string>>>({});
  const formRef = useFocusFirstError(errors);
  const [loadError, setLoadError] = useState('');
  useEffect(() => {
    void request(() => rapport().cards.getProfile({}), {
      action: 'load your card',
      onError: (e) => setLoadError(e.message),
    }).then((r) => r.ok && setProfile(r.value.profile));
  }, [request]);
  const typed = useFormDraft(profile === null ? null : 'settings:my-card', formRef);
  if (loadError) {
    return (
      <section className="card" aria-labelledby="my-card-title">
        <h2 id="my-card-title">My card</h2>
        <p className="field-error" role="alert">
          Could not load your card: {loadError}
        </p>
      </section>
    );
  }
  if (profile === null) return null;
  const showing = route.param === MY_CARD_PARAM && profile !== undefined;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = Profile.safeParse(Object.fromEntries(FIELDS.map((f) => [f.name, String(data.get(f.name) ?? '')])));
    if (!parsed.success) return setErrors(errorsFrom(toFieldIssues(parsed.error)));
    setErrors({});
    const result = await request(() => rapport().cards.setProfile(parsed.data), {
      action: 'save your card',
      onError: (e) => setErrors(e.details ? errorsFrom(e.details) : { form: e.message }),
      success: () => ({ title: 'Saved your card' }),
    });
    if (!result.ok) return;
    typed.forget();
    setProfile(result.value);
  }

  return (
    <form
      ref={formRef}
      className="card form my-card-settings"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="my-card-title"
    >
      <div>
        <h2 id="my-card-title">My card</h2>
        <p className="field-hint">
          Your own details, shown as a QR code for someone to scan at an event. They stay on your devices.
        </p>
      </div>
      <RestoredDraft what="my card" draft={typed} />
      <div className="profile-grid">
        {FIELDS.map((f) => (
          <Field
            key={f.name}
            label={f.label}
            name={f.name}
            type={f.type ?? 'text'}
            required={f.name === 'name'}
            autoComplete={f.autoComplete}
            defaultValue={profile?.[f.name] ?? ''}
            error={errors[f.name]}
          />
        ))}
      </div>
      <FormError error={errors.form} />
      <div className="settings-line">
        <button type="submit" className="primary">
          Save my card
        </button>
        <button type="button" disabled={!profile} onClick={() => navigate('settings', MY_CARD_PARAM)}>
          <QrIcon size={16} aria-hidden /> Show my card
        </button>
        {!profile ? <span className="field-hint">Save your name first to show your card.</span> : null}
      </div>
      {profile ? <MyCardDialog open={showing} profile={profile} onClose={() => navigate('settings')} /> : null}
    </form>
  );
}
