/**
 * Rapport fields with no vCard equivalent travel as X-RAPPORT-* properties, so exporting from
 * Rapport and importing back (another machine, a restore) keeps them. Other apps keep unknown
 * X- properties, so they usually survive a trip through them too.
 * `metAtEventId` is a database id, meaningless in a file, and is not exported.
 */
import { Tier, type ContactDraft } from '../../../../shared/domain/contact.ts';

/**
 * The day a LinkedIn connection was made. Rapport keeps it as an interaction, not a field; the
 * CSV import also stores it as this extension, so vCard export and import carry it.
 */
export const CONNECTED_ON = 'X-RAPPORT-CONNECTED-ON';

type TextField = 'location' | 'howWeMet' | 'lookingFor' | 'canHelpWith';

export interface RapportField {
  property: string;
  field: TextField | 'tier' | 'archived';
  /** Text for the property, or undefined to leave it out. */
  write: (d: ContactDraft) => string | undefined;
  read: (d: ContactDraft, text: string) => void;
}

const text = (property: string, field: TextField): RapportField => ({
  property,
  field,
  write: (d) => d[field] || undefined,
  read: (d, value) => {
    if (value) d[field] = value;
  },
});

export const RAPPORT_FIELDS: RapportField[] = [
  text('X-RAPPORT-LOCATION', 'location'),
  text('X-RAPPORT-HOW-WE-MET', 'howWeMet'),
  text('X-RAPPORT-LOOKING-FOR', 'lookingFor'),
  text('X-RAPPORT-CAN-HELP-WITH', 'canHelpWith'),
  {
    property: 'X-RAPPORT-TIER',
    field: 'tier',
    write: (d) => d.tier,
    read: (d, value) => {
      const tier = Tier.safeParse(value.toLowerCase());
      if (tier.success) d.tier = tier.data;
    },
  },
  {
    property: 'X-RAPPORT-ARCHIVED',
    field: 'archived',
    write: (d) => (d.archived ? 'TRUE' : undefined),
    read: (d, value) => {
      if (value.toUpperCase() === 'TRUE') d.archived = true;
    },
  },
];
