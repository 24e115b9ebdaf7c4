import { useEffect, useMemo, useRef, useState } from 'react';
import { api, apiPath } from '../../api/client';
import type { IndicatorSummary, PlanTree, Strategy, TreeNode } from '../../api/strategy-types';
import type { ListOf } from '../../api/types';
import { problemMessage } from '../../components/errors';
import { Alert, Loading } from '../../components/feedback';
import { localText } from '../../components/LocalText';
import { policyLabels } from '../../components/labels';
import { type Loaded, useLoad } from '../../components/useLoad';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../../session/SessionProvider';
import { NodeForm } from './NodeForm';
import { NodePanel } from './NodePanel';
import { createNode } from './nodes-api';
import { PlanTree as Tree, visibleNodes } from './PlanTree';

interface Props {
  strategy: Strategy;
  tree: Loaded<PlanTree>;
  asOf: string;
  policy: string;
  onOptions(name: 'asOf' | 'policy', value: string): void;
}

function withChildren(nodes: TreeNode[]): string[] {
  return nodes.flatMap((node) => (node.children.length ? [node.code, ...withChildren(node.children)] : []));
}

function pathTo(nodes: TreeNode[], code: string, trail: string[] = []): string[] | null {
  for (const node of nodes) {
    if (node.code === code) return trail;
    const found = pathTo(node.children, code, [...trail, node.code]);
    if (found) return found;
  }
  return null;
}

/** The plan tree with its options (as-of date, missing-data policy) and the selected node beside it. */
export function TreeSection({ strategy, tree, asOf, policy, onOptions }: Props) {
  const { t, locale } = useI18n();
  const { can } = useSession();
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  // `?node=CODE` (a drill-down from the dashboard) opens the tree on that node.
  const [selected, setSelected] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('node'),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [addingRoot, setAddingRoot] = useState(false);
  const indicators = useLoad(
    () => api<ListOf<IndicatorSummary>>('GET', apiPath('/api/indicators', { strategy: strategy.code })),
    strategy.code,
  );
  const byCode = useMemo(
    () => new Map((indicators.data?.items ?? []).map((indicator) => [indicator.code, indicator])),
    [indicators.data],
  );
  const nodes = tree.data?.nodes ?? [];
  const all = useMemo(() => visibleNodes(nodes, new Set(withChildren(nodes))), [nodes]);
  const selectedNode = all.find((entry) => entry.node.code === selected)?.node ?? null;
  const canManage = can('strategy.manage');
  const linked = useRef(selected);
  useEffect(() => {
    if (!linked.current || !tree.data) return;
    const trail = pathTo(tree.data.nodes, linked.current) ?? [];
    linked.current = null;
    setExpanded((current) => new Set([...current, ...trail]));
  }, [tree.data]);
  const firstLevel = strategy.levels[0];
  const policies = policyLabels(t);

  const changed = async (message: string, select?: string | null, expand?: string | null) => {
    setNotice(message);
    const fresh = await tree.reload();
    if (select !== undefined) setSelected(select);
    if (fresh && select) {
      const trail = pathTo(fresh.nodes, select) ?? [];
      setExpanded((current) => new Set([...current, ...trail, ...(expand ? [expand] : [])]));
    }
  };

  return (
    <section aria-labelledby="tree-title">
      <h2 id="tree-title" className="visually-hidden">
        {t('strategy.sections.tree')}
      </h2>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="tree-as-of">{t('tree.asOf')}</label>
          <input
            id="tree-as-of"
            type="date"
            value={asOf}
            min={strategy.periodStart}
            onChange={(event) => onOptions('asOf', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="tree-policy">{t('tree.policy.label')}</label>
          <select
            id="tree-policy"
            value={policy}
            onChange={(event) => onOptions('policy', event.target.value)}
          >
            {Object.entries(policies).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row toolbar-actions">
          <button type="button" className="button" onClick={() => setExpanded(new Set(withChildren(nodes)))}>
            {t('tree.expandAll')}
          </button>
          <button type="button" className="button" onClick={() => setExpanded(new Set())}>
            {t('tree.collapseAll')}
          </button>
          {canManage && firstLevel && (
            <button type="button" className="button" onClick={() => setAddingRoot(true)}>
              {t('nodes.addRoot', { level: localText(firstLevel.name, locale, firstLevel.key) })}
            </button>
          )}
        </div>
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      {tree.error ? <Alert kind="error">{problemMessage(t, tree.error)}</Alert> : null}
      {addingRoot && firstLevel && (
        <NodeForm
          editing={null}
          title={t('nodes.addRootTitle', { level: localText(firstLevel.name, locale, firstLevel.key) })}
          onCancel={() => setAddingRoot(false)}
          onSubmit={async (fields, code) => {
            await createNode(strategy.code, { code, parent: null, ...fields });
            setAddingRoot(false);
            await changed(t('nodes.created', { code }), code);
          }}
        />
      )}
      {tree.data === undefined ? (
        <Loading />
      ) : (
        <div className="tree-layout">
          <div className="tree-pane">
            <p className="hint" id="tree-help">
              {t('tree.help')}
            </p>
            {nodes.length === 0 ? (
              <p className="muted">{t('tree.empty')}</p>
            ) : (
              <Tree
                nodes={nodes}
                label={t('tree.label', { strategy: strategy.code })}
                describedBy="tree-help"
                expanded={expanded}
                setExpanded={setExpanded}
                selected={selected}
                onSelect={(code) => {
                  setSelected(code);
                  setNotice(null);
                }}
              />
            )}
          </div>
          <div className="panel-pane">
            {selectedNode && tree.data ? (
              <NodePanel
                key={selectedNode.code}
                node={selectedNode}
                levels={strategy.levels}
                indicators={byCode}
                thresholds={tree.data.thresholds}
                strategy={strategy.code}
                all={all}
                canManage={canManage}
                onChanged={(message, select, expand) => void changed(message, select, expand)}
              />
            ) : (
              <p className="card muted">{t('tree.selectHint')}</p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
