import { readFileSync } from 'node:fs';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { type PortalEnv, PortalProvider } from './context';
import { Layout } from './Layout';

let css: string | null = null;

/** The portal's stylesheet, read once and minified lightly (comments and runs of blanks dropped). */
export function portalCss(): string {
  if (css === null) {
    const text = readFileSync(new URL('./portal.css', import.meta.url), 'utf8');
    css = text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{}:;,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
  }
  return css;
}

/** A whole portal page as HTML: server-rendered, no script, the stylesheet inline. */
export function renderPage(env: PortalEnv, title: string, page: ReactElement): string {
  const markup = renderToStaticMarkup(
    <PortalProvider value={env}>
      <Layout title={title} css={portalCss()}>
        {page}
      </Layout>
    </PortalProvider>,
  );
  return `<!doctype html>${markup}`;
}
