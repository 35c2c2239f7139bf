import { Favour } from '../../../shared/domain/interaction.ts';

export const FAVOUR_LABELS: Record<Favour, string> = {
  intro: 'Intro',
  advice: 'Advice',
  referral: 'Referral',
  favour: 'Favour',
  information: 'Information',
  congratulations: 'Congratulations',
};

const toggle = (list: Favour[], f: Favour) => (list.includes(f) ? list.filter((x) => x !== f) : [...list, f]);

/** What went each way: the two checkbox groups of the log form, and "a two-way exchange". */
export function FavourFields({
  gave,
  asked,
  mutual,
  onChange,
}: {
  gave: Favour[];
  asked: Favour[];
  mutual: boolean;
  onChange: (next: { gave: Favour[]; asked: Favour[]; mutual: boolean }) => void;
}) {
  return (
    <div className="row favours">
      <fieldset className="grow">
        <legend>I gave</legend>
        <div className="checks">
          {Favour.options.map((f) => (
            <label key={f} className="check">
              <input
                type="checkbox"
                checked={gave.includes(f)}
                onChange={() => onChange({ gave: toggle(gave, f), asked, mutual })}
              />
              {FAVOUR_LABELS[f]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="grow">
        <legend>I asked for</legend>
        <div className="checks">
          {Favour.options.map((f) => (
            <label key={f} className="check">
              <input
                type="checkbox"
                checked={asked.includes(f)}
                onChange={() => onChange({ gave, asked: toggle(asked, f), mutual })}
              />
              {FAVOUR_LABELS[f]}
            </label>
          ))}
        </div>
      </fieldset>
      {/* Neither a gift nor an ask, so under both rather than in one of them. */}
      <label className="check two-way">
        <input type="checkbox" checked={mutual} onChange={(e) => onChange({ gave, asked, mutual: e.target.checked })} />
        A two-way exchange: we both gave and got
      </label>
    </div>
  );
}
