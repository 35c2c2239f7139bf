import { describe, expect, it } from 'vitest';
import type { CsvMapping } from '../../../shared/domain/csv-mapping.ts';
import { withField } from './csv-mapping-edit.ts';

const mapping = (columns: CsvMapping['columns']): CsvMapping => ({ layout: 'custom', signature: 'csv1-x', columns });

describe('withField', () => {
  it('keeps entry and label within a family, so a street that becomes the city stays in its address', () => {
    const m = mapping([
      { index: 0, header: 'Business Street', field: 'address.street', entry: 'Business', label: 'work' },
      { index: 1, header: 'Business Town', field: 'keep' },
    ]);
    expect(withField(m, 0, 'address.locality').columns[0]).toEqual({
      index: 0,
      header: 'Business Street',
      field: 'address.locality',
      entry: 'Business',
      label: 'work',
    });
    // A column that joins the address family joins the nearest address.
    expect(withField(m, 1, 'address.locality').columns[1]).toEqual({
      index: 1,
      header: 'Business Town',
      field: 'address.locality',
      entry: 'Business',
    });
    expect(withField(mapping([{ index: 0, header: 'Town', field: 'keep' }]), 0, 'address.locality').columns[0]).toEqual(
      { index: 0, header: 'Town', field: 'address.locality', entry: 'Address' },
    );
  });

  it('pairs a label column with the value column before it', () => {
    const m = mapping([
      { index: 0, header: 'Phone', field: 'phone' },
      { index: 1, header: 'Phone type', field: 'keep' },
      { index: 2, header: 'Email', field: 'email', entry: 'E-mail 1' },
      { index: 3, header: 'Email kind', field: 'keep' },
    ]);
    expect(withField(m, 1, 'phoneLabel').columns[1]).toMatchObject({ field: 'phoneLabel', entry: '#0' });
    expect(withField(m, 3, 'emailLabel').columns[3]).toMatchObject({ field: 'emailLabel', entry: 'E-mail 1' });
    // No value column of its kind: a label of nothing, kept as is.
    expect(withField(m, 3, 'urlLabel').columns[3]).toEqual({ index: 3, header: 'Email kind', field: 'urlLabel' });
  });

  it('drops what only fitted the old field, and gives back the first reading of a column', () => {
    const original = mapping([{ index: 0, header: 'Mobile Phone', field: 'phone', label: 'mobile' }]);
    const kept = withField(original, 0, 'keep', original);
    expect(kept.columns[0]).toEqual({ index: 0, header: 'Mobile Phone', field: 'keep' });
    expect(withField(kept, 0, 'phone').columns[0]).toEqual({ index: 0, header: 'Mobile Phone', field: 'phone' });
    expect(withField(kept, 0, 'phone', original).columns[0]).toEqual(original.columns[0]);
    expect(withField(kept, 0, 'tags').columns[0]).toMatchObject({ field: 'tags', separator: ';' });
  });
});
