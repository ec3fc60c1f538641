// What the example's bad calls (example.ts, BAD_CALLS) must throw.
export const EXPECTED_ERRORS = [
  'the reference date "2025-02-30" is not a calendar date of the form YYYY-MM-DD',
  'the text to annotate must be a string, not number',
  'bad options: invalid type: string "yes", expected a boolean',
  'bad options: unknown variant `bytes`, expected `codepoint` or `utf16`',
];
