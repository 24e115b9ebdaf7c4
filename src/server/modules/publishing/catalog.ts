import type { I18n } from '../../../domain/package/schema';
import type { Dataset } from './open-data.service';

// The open-data catalogue as DCAT-AP in JSON-LD, for CKAN-style portals to harvest. Multilingual text is a
// list of language-tagged values; file types use the EU file-type vocabulary and IANA media types.

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

const FILE_TYPES: Record<string, string> = { csv: 'CSV', xlsx: 'XLSX', json: 'JSON' };

const tagged = (text: I18n) =>
  (['fr', 'ar', 'en'] as const)
    .filter((lang) => text[lang])
    .map((lang) => ({ '@value': text[lang], '@language': lang }));

const dateTime = (value: string) => ({ '@value': value, '@type': 'xsd:dateTime' });

export interface CatalogOptions {
  baseUrl: string;
  publisher: string;
  license: string;
}

/** The DCAT-AP catalogue of the given datasets. */
export function dcatCatalog(datasets: Dataset[], options: CatalogOptions) {
  const { baseUrl, publisher, license } = options;
  const agent = { '@type': 'foaf:Agent', 'foaf:name': publisher };
  const latest = datasets
    .map((d) => d.modified)
    .filter(Boolean)
    .sort()
    .at(-1);
  return {
    '@context': CONTEXT,
    '@id': `${baseUrl}/api/catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': tagged({
      fr: 'Données ouvertes Marsad',
      ar: 'البيانات المفتوحة لمرصد',
      en: 'Marsad open data',
    }),
    'dct:description': tagged({
      fr: 'Plans, indicateurs, valeurs observées et budgets des stratégies numériques publiées.',
      ar: 'خطط الاستراتيجيات الرقمية المنشورة ومؤشراتها وقيمها المرصودة وميزانياتها.',
      en: 'Plans, indicators, observed values and budgets of the published digital strategies.',
    }),
    'dct:publisher': agent,
    'dct:license': { '@id': license },
    'foaf:homepage': { '@id': `${baseUrl}/` },
    ...(latest ? { 'dct:modified': dateTime(latest) } : {}),
    'dcat:dataset': datasets.map((d) => ({
      '@id': `${baseUrl}/api/open-data#${d.id}`,
      '@type': 'dcat:Dataset',
      'dct:identifier': d.id,
      'dct:title': tagged(d.title),
      'dct:description': tagged(d.description),
      'dct:publisher': agent,
      'dct:license': { '@id': d.license },
      'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': publisher },
      'dcat:keyword': [d.strategy, d.kind],
      ...(d.modified ? { 'dct:modified': dateTime(d.modified) } : {}),
      'dcat:distribution': d.distributions.map((dist) => ({
        '@id': dist.url,
        '@type': 'dcat:Distribution',
        'dct:title': `${d.id}.${dist.format}`,
        'dcat:accessURL': { '@id': dist.url },
        'dcat:downloadURL': { '@id': dist.url },
        'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${dist.mediaType}` },
        'dct:format': {
          '@id': `http://publications.europa.eu/resource/authority/file-type/${FILE_TYPES[dist.format]}`,
        },
        'dct:license': { '@id': d.license },
        ...(d.modified ? { 'dct:modified': dateTime(d.modified) } : {}),
      })),
    })),
  };
}
