import type { Locale } from '@/i18n/locales';
// One file per part of the app and language (messages/<locale>/<part>.json), so each part's
// texts sit together; every language has the same keys (test/unit/i18n-catalogues.test.ts).
import enCommon from '@/messages/en/common.json';
import enShell from '@/messages/en/shell.json';
import enAuth from '@/messages/en/auth.json';
import enFiles from '@/messages/en/files.json';
import enShares from '@/messages/en/shares.json';
import enRecipient from '@/messages/en/recipient.json';
import enRequests from '@/messages/en/requests.json';
import enThumbnails from '@/messages/en/thumbnails.json';
import enSettings from '@/messages/en/settings.json';
import enSources from '@/messages/en/sources.json';
import enAdmin from '@/messages/en/admin.json';
import enArrivals from '@/messages/en/arrivals.json';
import deCommon from '@/messages/de/common.json';
import deShell from '@/messages/de/shell.json';
import deAuth from '@/messages/de/auth.json';
import deFiles from '@/messages/de/files.json';
import deShares from '@/messages/de/shares.json';
import deRecipient from '@/messages/de/recipient.json';
import deRequests from '@/messages/de/requests.json';
import deThumbnails from '@/messages/de/thumbnails.json';
import deSettings from '@/messages/de/settings.json';
import deSources from '@/messages/de/sources.json';
import deAdmin from '@/messages/de/admin.json';
import deArrivals from '@/messages/de/arrivals.json';
import frCommon from '@/messages/fr/common.json';
import frShell from '@/messages/fr/shell.json';
import frAuth from '@/messages/fr/auth.json';
import frFiles from '@/messages/fr/files.json';
import frShares from '@/messages/fr/shares.json';
import frRecipient from '@/messages/fr/recipient.json';
import frRequests from '@/messages/fr/requests.json';
import frThumbnails from '@/messages/fr/thumbnails.json';
import frSettings from '@/messages/fr/settings.json';
import frSources from '@/messages/fr/sources.json';
import frAdmin from '@/messages/fr/admin.json';
import frArrivals from '@/messages/fr/arrivals.json';
import esCommon from '@/messages/es/common.json';
import esShell from '@/messages/es/shell.json';
import esAuth from '@/messages/es/auth.json';
import esFiles from '@/messages/es/files.json';
import esShares from '@/messages/es/shares.json';
import esRecipient from '@/messages/es/recipient.json';
import esRequests from '@/messages/es/requests.json';
import esThumbnails from '@/messages/es/thumbnails.json';
import esSettings from '@/messages/es/settings.json';
import esSources from '@/messages/es/sources.json';
import esAdmin from '@/messages/es/admin.json';
import esArrivals from '@/messages/es/arrivals.json';

const en = {
  common: enCommon,
  shell: enShell,
  auth: enAuth,
  files: enFiles,
  shares: enShares,
  recipient: enRecipient,
  requests: enRequests,
  thumbnails: enThumbnails,
  settings: enSettings,
  sources: enSources,
  admin: enAdmin,
  arrivals: enArrivals,
};

/** The English catalogue is the reference: its shape types every key (global.d.ts). */
export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = {
  en,
  de: {
    common: deCommon,
    shell: deShell,
    auth: deAuth,
    files: deFiles,
    shares: deShares,
    recipient: deRecipient,
    requests: deRequests,
    thumbnails: deThumbnails,
    settings: deSettings,
    sources: deSources,
    admin: deAdmin,
    arrivals: deArrivals,
  },
  fr: {
    common: frCommon,
    shell: frShell,
    auth: frAuth,
    files: frFiles,
    shares: frShares,
    recipient: frRecipient,
    requests: frRequests,
    thumbnails: frThumbnails,
    settings: frSettings,
    sources: frSources,
    admin: frAdmin,
    arrivals: frArrivals,
  },
  es: {
    common: esCommon,
    shell: esShell,
    auth: esAuth,
    files: esFiles,
    shares: esShares,
    recipient: esRecipient,
    requests: esRequests,
    thumbnails: esThumbnails,
    settings: esSettings,
    sources: esSources,
    admin: esAdmin,
    arrivals: esArrivals,
  },
};
