import type { Dimension, I18n } from './schema';

/** A dimension Marsad ships, with which of its languages are unofficial translations. */
export interface BuiltinDimension extends Dimension {
  translations: { source: 'fr' | 'ar' | 'en'; unofficial: Array<'fr' | 'ar' | 'en'> };
}

const member = (code: string, name: I18n) => ({ code, name });

// Morocco's 12 regions since 2015 (Décret n° 2-15-40 of 20 February 2015), ISO 3166-2 codes.
// Source: /work/shared/facts/morocco-facts.md §6, which takes codes, French and Arabic names from
// yousfiSaad/morocco-map `data/regions.json` (ODbL-1.0; properties name, name:en, name:ar). English names are
// its `name:en` with the OpenStreetMap "(EH)"/"(EH-partial)" suffixes stripped, as §6 recommends.
const REGION: BuiltinDimension = {
  code: 'region',
  name: { fr: 'Région', ar: 'الجهة', en: 'Region' },
  members: [
    member('MA-01', {
      fr: 'Tanger-Tétouan-Al Hoceïma',
      ar: 'طنجة تطوان الحسيمة',
      en: 'Tanger-Tétouan-Al Hoceïma',
    }),
    member('MA-02', { fr: "L'Oriental", ar: 'الشرقية', en: "L'Oriental" }),
    member('MA-03', { fr: 'Fès-Meknès', ar: 'فاس-مكناس', en: 'Fès-Meknès' }),
    member('MA-04', { fr: 'Rabat-Salé-Kénitra', ar: 'الرباط-سلا-القنيطرة', en: 'Rabat-Salé-Kénitra' }),
    member('MA-05', { fr: 'Béni Mellal-Khénifra', ar: 'بني ملال-خنيفرة', en: 'Béni Mellal-Khénifra' }),
    member('MA-06', { fr: 'Casablanca-Settat', ar: 'الدار البيضاء-سطات', en: 'Casablanca-Settat' }),
    member('MA-07', { fr: 'Marrakech-Safi', ar: 'مراكش-أسفي', en: 'Marrakech-Safi' }),
    member('MA-08', { fr: 'Drâa-Tafilalet', ar: 'درعة تافيلالت', en: 'Drâa-Tafilalet' }),
    member('MA-09', { fr: 'Souss-Massa', ar: 'سوس-ماسة', en: 'Souss-Massa' }),
    member('MA-10', { fr: 'Guelmim-Oued Noun', ar: 'كلميم وادي نون', en: 'Guelmim-Oued Noun' }),
    member('MA-11', {
      fr: 'Laâyoune-Sakia El Hamra',
      ar: 'العيون الساقية الحمراء',
      en: 'Laâyoune-Sakia El Hamra',
    }),
    member('MA-12', { fr: 'Dakhla-Oued Ed-Dahab', ar: 'الداخلة-وادي الذهب', en: 'Dakhla-Oued Ed-Dahab' }),
  ],
  translations: { source: 'fr', unofficial: ['en'] },
};

// Population-density zones of the household internet access table (March 2008) in the Maroc Numeric 2013
// strategy, /work/shared/seeds/001_8c9e7c464e2c7c65.txt ("Estimation of household internet access
// penetration per geographical zone and income"). The seed is in English; French and Arabic are ours.
const ZONE: BuiltinDimension = {
  code: 'zone',
  name: {
    fr: 'Zone (densité de population)',
    ar: 'المنطقة (الكثافة السكانية)',
    en: 'Zone (population density)',
  },
  members: [
    member('dense', {
      fr: 'Zones à forte densité de population',
      ar: 'المناطق ذات الكثافة السكانية العالية',
      en: 'High density populated zones',
    }),
    member('moderate', {
      fr: 'Zones moyennement peuplées',
      ar: 'المناطق المتوسطة الكثافة السكانية',
      en: 'Moderately populated zones',
    }),
    member('grey_white', {
      fr: 'Zones grises et blanches',
      ar: 'المناطق الرمادية والبيضاء',
      en: 'Grey-white zones',
    }),
  ],
  translations: { source: 'en', unofficial: ['fr', 'ar'] },
};

// Socio-professional categories by monthly household income, same seed and table: "A > 18 000;
// 8 000 < B < 18 000; 3 000 < C < 8 000; D & E < 3 000" (MAD). The seed gives D and E one bound together.
const INCOME: BuiltinDimension = {
  code: 'income',
  name: {
    fr: 'Catégorie socioprofessionnelle (revenu mensuel du ménage)',
    ar: 'الفئة السوسيو-مهنية (الدخل الشهري للأسرة)',
    en: 'Socio-professional category (monthly household income)',
  },
  members: [
    member('A', {
      fr: 'Catégorie A (plus de 18 000 MAD)',
      ar: 'الفئة A (أكثر من 18000 درهم)',
      en: 'Category A (over MAD 18,000)',
    }),
    member('B', {
      fr: 'Catégorie B (8 000 à 18 000 MAD)',
      ar: 'الفئة B (من 8000 إلى 18000 درهم)',
      en: 'Category B (MAD 8,000 to 18,000)',
    }),
    member('C', {
      fr: 'Catégorie C (3 000 à 8 000 MAD)',
      ar: 'الفئة C (من 3000 إلى 8000 درهم)',
      en: 'Category C (MAD 3,000 to 8,000)',
    }),
    member('D', {
      fr: 'Catégorie D (moins de 3 000 MAD)',
      ar: 'الفئة D (أقل من 3000 درهم)',
      en: 'Category D (under MAD 3,000)',
    }),
    member('E', {
      fr: 'Catégorie E (moins de 3 000 MAD)',
      ar: 'الفئة E (أقل من 3000 درهم)',
      en: 'Category E (under MAD 3,000)',
    }),
  ],
  translations: { source: 'en', unofficial: ['fr', 'ar'] },
};

/** The dimensions every Marsad installation knows; packages may declare more but not redefine these. */
export const BUILTIN_DIMENSIONS: readonly BuiltinDimension[] = [REGION, ZONE, INCOME];
