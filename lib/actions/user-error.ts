/** An error whose message is written for the person using the app; anything else stays in the log. */
export class UserError extends Error {}
