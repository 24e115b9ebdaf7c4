/**
 * The variance reasons Marsad offers until the strategy office sets its own list (PUT /api/reporting/reasons).
 * Kept in code rather than inserted by the migration, so that a fresh database stays empty for a restore.
 */
export const DEFAULT_REASONS = [
  {
    code: 'funding',
    label: {
      fr: 'Financement insuffisant ou tardif',
      ar: 'تمويل غير كاف أو متأخر',
      en: 'Insufficient or late funding',
    },
  },
  {
    code: 'procurement',
    label: { fr: 'Retard de passation des marchés', ar: 'تأخر في إبرام الصفقات', en: 'Procurement delay' },
  },
  {
    code: 'capacity',
    label: {
      fr: 'Capacités ou ressources humaines',
      ar: 'القدرات أو الموارد البشرية',
      en: 'Capacity or staffing',
    },
  },
  {
    code: 'dependency',
    label: {
      fr: 'Dépendance à un autre acteur',
      ar: 'الارتباط بفاعل آخر',
      en: 'Dependency on another actor',
    },
  },
  {
    code: 'regulatory',
    label: {
      fr: 'Cadre légal ou réglementaire',
      ar: 'الإطار القانوني أو التنظيمي',
      en: 'Legal or regulatory framework',
    },
  },
  {
    code: 'data_quality',
    label: {
      fr: 'Qualité ou disponibilité des données',
      ar: 'جودة البيانات أو توفرها',
      en: 'Data quality or availability',
    },
  },
  {
    code: 'scope_change',
    label: { fr: 'Changement de périmètre', ar: 'تغيير في النطاق', en: 'Change of scope' },
  },
  { code: 'other', label: { fr: 'Autre', ar: 'أخرى', en: 'Other' } },
].map((reason) => ({ ...reason, active: true }));
