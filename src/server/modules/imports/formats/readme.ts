import type { Worksheet } from 'exceljs';
import type { SheetName } from './sheets';

// The README sheet opening every workbook: what each sheet holds, in French, Arabic and English.

type Texts = readonly [fr: string, ar: string, en: string];

const GENERAL: readonly Texts[] = [
  [
    'Classeur d’un paquet de stratégie Marsad. Une feuille par type d’entité ; la ligne 1 porte les en-têtes, ne les renommez pas.',
    'مصنف حزمة استراتيجية مرصد. ورقة لكل نوع من الكيانات؛ يحمل السطر 1 العناوين، فلا تغيّروها.',
    'Marsad strategy package workbook. One sheet per kind of entity; row 1 holds the headers, do not rename them.',
  ],
  [
    'Textes en trois colonnes _fr, _ar, _en (au moins une). Listes : codes séparés par « ; ». Dates AAAA-MM-JJ ; périodes 2013, 2013-H1, 2013-Q4, 2013-06.',
    'النصوص في ثلاثة أعمدة _fr و_ar و_en (واحد على الأقل). القوائم: رموز مفصولة بـ « ; ». التواريخ YYYY-MM-DD؛ الفترات 2013 و2013-H1 و2013-Q4 و2013-06.',
    'Texts in three columns _fr, _ar, _en (at least one). Lists: codes separated by ";". Dates YYYY-MM-DD; periods 2013, 2013-H1, 2013-Q4, 2013-06.',
  ],
  [
    'Colonnes source_* : document cité (obligatoire si une source est donnée), section, page, url, éditeur, date, note, confiance (high, medium, low, unverified).',
    'أعمدة source_*: الوثيقة المستشهد بها (إلزامية إذا ذُكر مصدر)، القسم، الصفحة، الرابط، الناشر، التاريخ، ملاحظة، الثقة (high وmedium وlow وunverified).',
    'source_* columns: document cited (required when a source is given), section, page, url, publisher, date, note, confidence (high, medium, low, unverified).',
  ],
  [
    'Une valeur absente reste vide (jamais inventée) ; dites pourquoi dans source_note.',
    'تُترك القيمة غير المتوفرة فارغة (لا تُختلق أبدًا)؛ واذكروا السبب في source_note.',
    'A missing value stays empty (never invented); say why in source_note.',
  ],
];

const SHEETS: Record<SheetName, Texts> = {
  strategy: [
    'La stratégie : une ligne par champ (field, value), plus traductions et devise du budget.',
    'الاستراتيجية: سطر لكل حقل (field، value)، مع الترجمات وعملة الميزانية.',
    'The strategy: one row per field (field, value), plus translations and budget currency.',
  ],
  levels: [
    'Niveaux de l’arbre du plan, du plus haut au plus bas.',
    'مستويات شجرة المخطط، من الأعلى إلى الأدنى.',
    'Levels of the plan tree, top level first.',
  ],
  organizations: ['Organisations.', 'الهيئات.', 'Organizations.'],
  dimensions: [
    'Dimensions propres au paquet : une ligne sans member nomme la dimension, puis une ligne par membre.',
    'أبعاد خاصة بالحزمة: سطر بدون member يسمّي البعد، ثم سطر لكل عضو.',
    'Dimensions of the package: a row without member names the dimension, then one row per member.',
  ],
  bodies: ['Instances de gouvernance.', 'هيئات الحكامة.', 'Governance bodies.'],
  body_members: [
    'Organisations membres de chaque instance.',
    'الهيئات الأعضاء في كل هيئة حكامة.',
    'Member organizations of each body.',
  ],
  reporting_lines: [
    'Quelle instance (reviewer) examine les rapports de quelle organisation.',
    'أي هيئة (reviewer) تراجع تقارير أي جهة.',
    'Which body (reviewer) reviews which organization’s reports.',
  ],
  nodes: [
    'Nœuds de l’arbre du plan ; parent vide pour une racine.',
    'عُقد شجرة المخطط؛ يُترك parent فارغًا للجذر.',
    'Nodes of the plan tree; empty parent for a root.',
  ],
  node_contributors: [
    'Organisations contributrices de chaque nœud.',
    'الجهات المساهمة في كل عقدة.',
    'Contributing organizations of each node.',
  ],
  node_cross_references: [
    'Renvois vers d’autres plans ou documents.',
    'إحالات إلى مخططات أو وثائق أخرى.',
    'Cross-references to other plans or documents.',
  ],
  node_lineage: [
    'Liens vers des nœuds d’autres stratégies (continues, replaces, derived_from).',
    'روابط إلى عُقد استراتيجيات أخرى (continues وreplaces وderived_from).',
    'Links to nodes of other strategies (continues, replaces, derived_from).',
  ],
  indicators: ['Indicateurs.', 'المؤشرات.', 'Indicators.'],
  indicator_nodes: [
    'Nœuds mesurés par chaque indicateur.',
    'العُقد التي يقيسها كل مؤشر.',
    'Plan nodes each indicator measures.',
  ],
  targets: [
    'Référence (baseline), jalons (milestone) et cible finale (final) de chaque indicateur.',
    'القيمة المرجعية (baseline) والمراحل (milestone) والهدف النهائي (final) لكل مؤشر.',
    'Baseline, milestones and final target of each indicator.',
  ],
  observations: [
    'Valeurs observées ; une colonne dim:<dimension> par ventilation (ex. dim:region = MA-06), vide pour le total national.',
    'القيم المرصودة؛ عمود dim:<dimension> لكل تفصيل (مثلًا dim:region = MA-06)، فارغ للمجموع الوطني.',
    'Observed values; one dim:<dimension> column per breakdown (e.g. dim:region = MA-06), empty for the national total.',
  ],
  budget_lines: [
    'Enveloppes budgétaires (nœud, rubrique, année, montant).',
    'الاعتمادات المالية (العقدة، البند، السنة، المبلغ).',
    'Budget envelopes (node, rubric, year, amount).',
  ],
  transactions: [
    'Engagements, décaissements et dépenses.',
    'الالتزامات والصرف والنفقات.',
    'Commitments, disbursements and expenditures.',
  ],
  projects: [
    'Projets livrés sous un nœud.',
    'المشاريع المنجزة تحت عقدة.',
    'Projects delivered under a node.',
  ],
  project_milestones: [
    'Jalons de chaque projet, dans l’ordre.',
    'مراحل كل مشروع، بالترتيب.',
    'Milestones of each project, in order.',
  ],
};

/** Fills the README sheet: general notes, then one row per sheet. */
export function fillReadme(sheet: Worksheet): void {
  sheet.columns = [
    { header: 'sheet', width: 24 },
    { header: 'français', width: 70, style: { alignment: { wrapText: true, vertical: 'top' } } },
    {
      header: 'العربية',
      width: 70,
      style: { alignment: { wrapText: true, vertical: 'top', readingOrder: 'rtl', horizontal: 'right' } },
    },
    { header: 'English', width: 70, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  for (const texts of GENERAL) sheet.addRow(['', ...texts]);
  for (const [name, texts] of Object.entries(SHEETS)) sheet.addRow([name, ...texts]);
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}
