// Programs that fetch a link to show a preview, index it or check it for malware, never to give
// a person the file. Each token is the name the program puts in its User-Agent. Only names no
// person's browser carries are listed: in-app browsers (Facebook's FB_IAB, Telegram-Android,
// LinkedInApp) send a browser's User-Agent plus their own, different, name.
const AGENTS = [
  'Slackbot', // Slack's unfurler ("Slackbot-LinkExpanding 1.0")
  'Slack-ImgProxy',
  'facebookexternalhit', // Facebook, Messenger, Instagram and iMessage previews
  'Facebot',
  'Twitterbot', // X/Twitter, also sent by iMessage
  'LinkedInBot',
  'Discordbot',
  'WhatsApp', // WhatsApp's and Signal's previews ("WhatsApp/2.23 A")
  'TelegramBot',
  'SkypeUriPreview', // Skype and Microsoft Teams
  'Microsoft Office', // Outlook and other Office apps checking a link before opening it
  'Microsoft Outlook',
  'ms-office',
  'MSOffice',
  'BingPreview',
  'bingbot',
  'Googlebot',
  'Google-InspectionTool',
  'GoogleOther',
  'AdsBot-Google',
  'Applebot',
  'redditbot',
  'Pinterestbot',
  'Embedly',
  'Iframely',
  'Mattermost-Bot',
  'Zoombot',
  'vkShare',
  'YandexBot',
  'DuckDuckBot',
  'Baiduspider',
];

const PATTERN = new RegExp(AGENTS.map((name) => name.replace(/[-.]/g, '\\$&')).join('|'), 'i');

/** True for a known link-preview, crawler or link-checking agent: it must never take a download. */
export function isLinkPreviewAgent(userAgent: string | null | undefined): boolean {
  return Boolean(userAgent) && PATTERN.test(userAgent!);
}
