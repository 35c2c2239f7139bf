import { z } from 'zod';

/**
 * How a failed check reads wherever it reaches a person: beside a form's field, in a toast, in an
 * import's list of problems. zod's own English ("Too big: expected string to have <=2000
 * characters") is for developers. A schema's own message (`error: 'Name is required'`) still wins;
 * this only words the checks that have none. Installed once, by the module every error passes
 * through (result.ts), in the core and in the renderer alike.
 */
const count = (n: number | bigint) => Number(n).toLocaleString('en-GB');

const FORMATS: Record<string, string> = {
  email: 'an e-mail address',
  url: 'a web address',
  date: 'a date (YYYY-MM-DD)',
  datetime: 'a date and time',
  time: 'a time (HH:MM)',
  uuid: 'an id',
};

const TYPES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'yes or no',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

export function validationMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'too_big': {
      const max = count(issue.maximum as number);
      if (issue.origin === 'string') return `Use at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Keep this to ${max} or fewer`;
      if (issue.origin === 'number' || issue.origin === 'int') return `Use a number up to ${max}`;
      return undefined;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'This can’t be empty' : `Use at least ${count(min)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min <= 1 ? 'Add at least one' : `Add at least ${count(min)}`;
      if (issue.origin === 'number' || issue.origin === 'int') return `Use a number of at least ${count(min)}`;
      return undefined;
    }
    case 'invalid_type':
      if (issue.input === undefined) return 'This is missing';
      return TYPES[issue.expected] ? `This should be ${TYPES[issue.expected]}` : 'This is not in the expected form';
    case 'invalid_format':
      return `This is not ${FORMATS[issue.format] ?? 'in the expected form'}`;
    case 'invalid_value':
      return 'This is not one of the choices Rapport knows';
    case 'unrecognized_keys':
      return `Rapport does not know ${issue.keys.length === 1 ? 'the field' : 'the fields'} ${issue.keys.map((k) => `“${k}”`).join(', ')}`;
    case 'invalid_union':
      return 'This is not in a form Rapport knows';
    default:
      return undefined;
  }
}

z.config({ customError: validationMessage });
