// The mails Marsad sends, in the recipient's language. Dates stay ISO (YYYY-MM-DD): unambiguous in all three.

export type Locale = 'fr' | 'ar' | 'en';
export type TemplateName = 'report.due_soon' | 'report.late' | 'report.escalated';

export interface ReminderParams {
  organization: Record<string, string | undefined>;
  strategy: string;
  period: string;
  dueDate: string;
  days: number;
  link: string;
}

type Render = (p: ReminderParams & { org: string }) => { subject: string; text: string };

const TEMPLATES: Record<TemplateName, Record<Locale, Render>> = {
  'report.due_soon': {
    fr: (p) => ({
      subject: `[Marsad] Rapport ${p.strategy} ${p.period} attendu le ${p.dueDate}`,
      text: `Bonjour,\n\nLe rapport de ${p.org} pour le cycle ${p.strategy} ${p.period} est attendu le ${p.dueDate} (dans ${p.days} jour(s)).\nSaisissez et soumettez-le ici : ${p.link}\n\nMarsad`,
    }),
    ar: (p) => ({
      subject: `[مرصد] تقرير ${p.strategy} ${p.period} مطلوب في ${p.dueDate}`,
      text: `مرحبا،\n\nتقرير ${p.org} لدورة ${p.strategy} ${p.period} مطلوب في ${p.dueDate} (بعد ${p.days} يوم).\nيرجى تعبئته وإرساله هنا: ${p.link}\n\nمرصد`,
    }),
    en: (p) => ({
      subject: `[Marsad] ${p.strategy} ${p.period} report due on ${p.dueDate}`,
      text: `Hello,\n\nThe report of ${p.org} for the ${p.strategy} ${p.period} cycle is due on ${p.dueDate} (in ${p.days} day(s)).\nFill it in and submit it here: ${p.link}\n\nMarsad`,
    }),
  },
  'report.late': {
    fr: (p) => ({
      subject: `[Marsad] Rapport ${p.strategy} ${p.period} en retard`,
      text: `Bonjour,\n\nLe rapport de ${p.org} pour le cycle ${p.strategy} ${p.period} était attendu le ${p.dueDate} (${p.days} jour(s) de retard).\nSoumettez-le dès que possible : ${p.link}\n\nMarsad`,
    }),
    ar: (p) => ({
      subject: `[مرصد] تقرير ${p.strategy} ${p.period} متأخر`,
      text: `مرحبا،\n\nكان تقرير ${p.org} لدورة ${p.strategy} ${p.period} مطلوبا في ${p.dueDate} (تأخر ${p.days} يوم).\nيرجى إرساله في أقرب وقت: ${p.link}\n\nمرصد`,
    }),
    en: (p) => ({
      subject: `[Marsad] ${p.strategy} ${p.period} report overdue`,
      text: `Hello,\n\nThe report of ${p.org} for the ${p.strategy} ${p.period} cycle was due on ${p.dueDate} (${p.days} day(s) late).\nPlease submit it as soon as possible: ${p.link}\n\nMarsad`,
    }),
  },
  'report.escalated': {
    fr: (p) => ({
      subject: `[Marsad] Escalade : ${p.org} n’a pas soumis son rapport ${p.strategy} ${p.period}`,
      text: `Bonjour,\n\n${p.org} n’a toujours pas soumis son rapport pour le cycle ${p.strategy} ${p.period}, attendu le ${p.dueDate} (${p.days} jour(s) de retard).\nVotre instance examine ses rapports : ${p.link}\n\nMarsad`,
    }),
    ar: (p) => ({
      subject: `[مرصد] تصعيد: ${p.org} لم ترسل تقريرها ${p.strategy} ${p.period}`,
      text: `مرحبا،\n\nلم ترسل ${p.org} بعد تقريرها لدورة ${p.strategy} ${p.period} الذي كان مطلوبا في ${p.dueDate} (تأخر ${p.days} يوم).\nهيئتكم تراجع تقاريرها: ${p.link}\n\nمرصد`,
    }),
    en: (p) => ({
      subject: `[Marsad] Escalation: ${p.org} has not submitted its ${p.strategy} ${p.period} report`,
      text: `Hello,\n\n${p.org} has still not submitted its report for the ${p.strategy} ${p.period} cycle, due on ${p.dueDate} (${p.days} day(s) late).\nYour body reviews its reports: ${p.link}\n\nMarsad`,
    }),
  },
};

const LOCALES: Locale[] = ['fr', 'ar', 'en'];

/** The mail `name` in `locale` (French when the locale is unknown), with the organization named in it. */
export function renderMail(name: TemplateName, locale: string, params: ReminderParams) {
  const lang: Locale = LOCALES.includes(locale as Locale) ? (locale as Locale) : 'fr';
  const org = params.organization[lang] ?? params.organization.fr ?? params.organization.en ?? '';
  return { ...TEMPLATES[name][lang]({ ...params, org }), language: lang };
}
