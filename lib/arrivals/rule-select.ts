/**
 * A rule's own settings, as handling an arrival and the rules page both read them: which objects
 * it wants (pattern, sizes) and the share it makes of them (recipients, message, days, limits,
 * password, notice, language).
 */
export const RULE_SETTINGS_SELECT = {
  pattern: true,
  minSize: true,
  maxSize: true,
  recipients: true,
  message: true,
  days: true,
  maxDownloads: true,
  passwordHash: true,
  notifyOwner: true,
  locale: true,
} as const;
