// The notice an applicant accepts before submitting, written in the spirit of Morocco's law 09-08 on the
// protection of individuals with regard to the processing of personal data (purpose, recipients, retention,
// rights of access, rectification and opposition, the CNDP as supervisory authority). Changing its text means a
// new version: each submission records the version its applicant accepted.

export const PRIVACY_NOTICE = {
  version: '2026-11-v1',
  text: {
    fr: 'Les données saisies (nom, adresse électronique, organisation, projet, pièces jointes) sont traitées par l’organisateur de l’appel dans le seul but d’examiner votre candidature, de vous informer de la décision et, si elle est retenue, d’en suivre la réalisation. Elles ne sont communiquées qu’au jury et à l’équipe de la stratégie, et conservées jusqu’à la clôture de l’appel et de son suivi. Conformément à la loi n° 09-08, vous disposez d’un droit d’accès, de rectification et d’opposition : votre lien privé vous permet de consulter, d’exporter et d’effacer vos données à tout moment. Vous pouvez saisir la CNDP (Commission nationale de contrôle de la protection des données à caractère personnel).',
    ar: 'تعالج الجهة المنظمة للنداء المعطيات المدخلة (الاسم، البريد الإلكتروني، الهيئة، المشروع، المرفقات) لغرض وحيد هو دراسة ترشيحكم وإخباركم بالقرار، وتتبع إنجازه في حال قبوله. لا تُطلع عليها إلا لجنة التحكيم وفريق الاستراتيجية، وتُحفظ إلى غاية إغلاق النداء وتتبعه. طبقا للقانون رقم 09-08، لكم حق الولوج والتصحيح والتعرض: يتيح لكم رابطكم الخاص الاطلاع على معطياتكم وتصديرها وحذفها في أي وقت. ويمكنكم اللجوء إلى اللجنة الوطنية لمراقبة حماية المعطيات ذات الطابع الشخصي.',
    en: 'The data you enter (name, email address, organization, project, attachments) is processed by the call’s organizer for the sole purpose of examining your application, telling you the decision and, if selected, following its delivery. Only the jury and the strategy team see it; it is kept until the call and its follow-up are closed. Under Morocco’s law 09-08 you have rights of access, rectification and objection: your private link lets you see, export and erase your data at any time. You may refer to the CNDP (the national commission supervising the protection of personal data).',
  },
} as const;
