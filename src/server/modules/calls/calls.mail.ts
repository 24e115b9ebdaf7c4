import type { Queryable } from '../../db/pool';
import { enqueueJob } from '../../jobs/jobs.repo';
import { MAIL_JOB } from '../reporting/reminders.service';

// The calls' mails, in the recipient's language, queued in the caller's transaction: a mail goes out only if
// what it announces was committed.

type Lang = 'fr' | 'ar' | 'en';
export type CallMail = 'draft_link' | 'received' | 'selected' | 'rejected' | 'closed';

interface Params {
  call: string;
  ref: string;
  link: string;
  reason: string;
  count: number;
}

const T: Record<CallMail, Record<Lang, (p: Params) => { subject: string; text: string }>> = {
  draft_link: {
    fr: (p) => ({
      subject: `[Marsad] Votre candidature à « ${p.call} » (brouillon n° ${p.ref})`,
      text: `Bonjour,\n\nVotre brouillon est enregistré. Ce lien privé permet de le compléter, de le soumettre, d’exporter ou d’effacer vos données ; ne le partagez pas :\n${p.link}\n\nMarsad`,
    }),
    ar: (p) => ({
      subject: `[مرصد] ترشيحكم لـ «${p.call}» (مسودة رقم ${p.ref})`,
      text: `مرحبا،\n\nتم حفظ مسودتكم. يتيح لكم هذا الرابط الخاص إكمالها وإرسالها وتصدير بياناتكم أو حذفها؛ لا تشاركوه:\n${p.link}\n\nمرصد`,
    }),
    en: (p) => ({
      subject: `[Marsad] Your application to "${p.call}" (draft no. ${p.ref})`,
      text: `Hello,\n\nYour draft is saved. This private link lets you complete and submit it, export or erase your data; do not share it:\n${p.link}\n\nMarsad`,
    }),
  },
  received: {
    fr: (p) => ({
      subject: `[Marsad] Candidature n° ${p.ref} reçue — ${p.call}`,
      text: `Bonjour,\n\nNous confirmons la réception de votre candidature n° ${p.ref} à « ${p.call} ».\nVos données restent consultables, exportables et effaçables ici : ${p.link}\n\nMarsad`,
    }),
    ar: (p) => ({
      subject: `[مرصد] تم استلام الترشيح رقم ${p.ref} — ${p.call}`,
      text: `مرحبا،\n\nنؤكد استلام ترشيحكم رقم ${p.ref} لـ «${p.call}».\nيمكنكم الاطلاع على بياناتكم وتصديرها وحذفها هنا: ${p.link}\n\nمرصد`,
    }),
    en: (p) => ({
      subject: `[Marsad] Application no. ${p.ref} received — ${p.call}`,
      text: `Hello,\n\nWe confirm we received your application no. ${p.ref} to "${p.call}".\nYou can see, export or erase your data here: ${p.link}\n\nMarsad`,
    }),
  },
  selected: {
    fr: (p) => ({
      subject: `[Marsad] Votre candidature n° ${p.ref} est retenue — ${p.call}`,
      text: `Bonjour,\n\nLe jury a retenu votre candidature n° ${p.ref} à « ${p.call} ».\nMotif : ${p.reason}\n\nMarsad`,
    }),
    ar: (p) => ({
      subject: `[مرصد] تم قبول ترشيحكم رقم ${p.ref} — ${p.call}`,
      text: `مرحبا،\n\nقبلت لجنة التحكيم ترشيحكم رقم ${p.ref} لـ «${p.call}».\nالسبب: ${p.reason}\n\nمرصد`,
    }),
    en: (p) => ({
      subject: `[Marsad] Your application no. ${p.ref} is selected — ${p.call}`,
      text: `Hello,\n\nThe jury selected your application no. ${p.ref} to "${p.call}".\nReason: ${p.reason}\n\nMarsad`,
    }),
  },
  rejected: {
    fr: (p) => ({
      subject: `[Marsad] Décision sur votre candidature n° ${p.ref} — ${p.call}`,
      text: `Bonjour,\n\nVotre candidature n° ${p.ref} à « ${p.call} » n’a pas été retenue.\nMotif : ${p.reason}\n\nMarsad`,
    }),
    ar: (p) => ({
      subject: `[مرصد] القرار بشأن ترشيحكم رقم ${p.ref} — ${p.call}`,
      text: `مرحبا،\n\nلم يتم قبول ترشيحكم رقم ${p.ref} لـ «${p.call}».\nالسبب: ${p.reason}\n\nمرصد`,
    }),
    en: (p) => ({
      subject: `[Marsad] Decision on your application no. ${p.ref} — ${p.call}`,
      text: `Hello,\n\nYour application no. ${p.ref} to "${p.call}" was not selected.\nReason: ${p.reason}\n\nMarsad`,
    }),
  },
  closed: {
    fr: (p) => ({
      subject: `[Marsad] Appel « ${p.call} » clos : ${p.count} candidature(s)`,
      text: `Bonjour,\n\nL’appel « ${p.call} » a atteint sa date de clôture avec ${p.count} candidature(s) soumise(s). Le jury peut commencer : ${p.link}\n\nMarsad`,
    }),
    ar: (p) => ({
      subject: `[مرصد] أُغلق النداء «${p.call}»: ${p.count} ترشيح`,
      text: `مرحبا،\n\nبلغ النداء «${p.call}» تاريخ إغلاقه مع ${p.count} ترشيح مرسل. يمكن للجنة التحكيم أن تبدأ: ${p.link}\n\nمرصد`,
    }),
    en: (p) => ({
      subject: `[Marsad] Call "${p.call}" closed: ${p.count} application(s)`,
      text: `Hello,\n\nThe call "${p.call}" reached its closing date with ${p.count} submitted application(s). The jury can start: ${p.link}\n\nMarsad`,
    }),
  },
};

const asLang = (l: string): Lang => (l === 'ar' || l === 'en' ? l : 'fr');

/** Queues one call mail in `tx`, rendered now in `lang`; the call's title is taken in that language. */
export async function queueCallMail(
  tx: Queryable,
  mail: CallMail,
  to: string,
  lang: string,
  p: Partial<Params> & { callTitle: Record<string, string | undefined> },
  dedupeKey?: string,
): Promise<void> {
  const l = asLang(lang);
  const call = p.callTitle[l] ?? p.callTitle.fr ?? p.callTitle.en ?? p.callTitle.ar ?? '';
  const rendered = T[mail][l]({
    call,
    ref: p.ref ?? '',
    link: p.link ?? '',
    reason: p.reason ?? '',
    count: p.count ?? 0,
  });
  await enqueueJob(tx, {
    kind: MAIL_JOB,
    payload: { to: [to], ...rendered, language: l },
    dedupeKey: dedupeKey ?? null,
  });
}
