import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/problem';
import type { Level, TreeNode } from '../../api/strategy-types';
import { problemMessage } from '../../components/errors';
import { Alert } from '../../components/feedback';
import { localText } from '../../components/LocalText';
import { useI18n } from '../../i18n/I18nProvider';
import { NodeForm } from './NodeForm';
import { createNode, deleteNode, moveNode, updateNode } from './nodes-api';

export interface NodeActionsProps {
  node: TreeNode;
  strategy: string;
  levels: Level[];
  /** Every node, in tree order, with its parent: the candidates of a move. */
  all: { node: TreeNode; parent: string | null }[];
  canManage: boolean;
  /** After a change: the page reloads the tree, says what happened and selects `select`. */
  onChanged(message: string, select?: string | null, expand?: string | null): void;
}

type Mode = 'idle' | 'add' | 'edit' | 'move' | 'delete';

/** Add a child, edit, move (new parent or up/down among siblings) and delete, through the nodes API. */
export function NodeActions({ node, strategy, levels, all, canManage, onChanged }: NodeActionsProps) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<Mode>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!canManage) return null;

  const self = all.find((entry) => entry.node.code === node.code);
  const parent = self?.parent ?? null;
  const siblings = all.filter((entry) => entry.parent === parent).map((entry) => entry.node.code);
  const position = siblings.indexOf(node.code) + 1;
  const levelIndex = levels.findIndex((level) => level.key === node.level);
  const childLevel = levels[levelIndex + 1];
  const name = (code: string) => {
    const found = all.find((entry) => entry.node.code === code)?.node;
    return found ? `${found.code} — ${localText(found.title, locale, found.code)}` : code;
  };

  /** Runs a change; a stale version or a missing API gets its own message, anything else the server's. */
  const run = async (work: () => Promise<void>) => {
    setFailure(null);
    setBusy(true);
    try {
      await work();
      setMode('idle');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'version_conflict') {
        onChanged(t('nodes.conflict'), node.code);
        setMode('idle');
      } else if (error instanceof ApiError && error.code === 'has_children')
        setFailure(t('nodes.hasChildren'));
      else if (error instanceof ApiError && error.code === 'in_use') setFailure(t('nodes.inUse'));
      else setFailure(problemMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const reorder = (order: number) =>
    run(async () => {
      await moveNode(strategy, node.code, { parent, order, version: node.version });
      onChanged(t('nodes.moved', { code: node.code }), node.code);
    });

  return (
    <div className="node-actions">
      <h3 className="visually-hidden">{t('common.actions')}</h3>
      {failure && <Alert kind="error">{failure}</Alert>}
      {mode === 'idle' && (
        <div className="button-row">
          {childLevel && (
            <button type="button" className="button button-small" onClick={() => setMode('add')}>
              {t('nodes.addChild', { level: localText(childLevel.name, locale, childLevel.key) })}
            </button>
          )}
          <button type="button" className="button button-small" onClick={() => setMode('edit')}>
            {t('common.edit')}
          </button>
          <button type="button" className="button button-small" onClick={() => setMode('move')}>
            {t('nodes.move')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy || position <= 1}
            onClick={() => reorder(position - 1)}
          >
            {t('nodes.moveUp')}
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy || position >= siblings.length}
            onClick={() => reorder(position + 1)}
          >
            {t('nodes.moveDown')}
          </button>
          <button
            type="button"
            className="button button-small button-danger-outline"
            onClick={() => setMode('delete')}
          >
            {t('nodes.delete')}
          </button>
        </div>
      )}
      {mode === 'add' && childLevel && (
        <NodeForm
          editing={null}
          title={t('nodes.addTitle', {
            level: localText(childLevel.name, locale, childLevel.key),
            parent: node.code,
          })}
          onCancel={() => setMode('idle')}
          onSubmit={async (fields, code) => {
            await createNode(strategy, { code, parent: node.code, ...fields });
            setMode('idle');
            onChanged(t('nodes.created', { code }), code, node.code);
          }}
        />
      )}
      {mode === 'edit' && (
        <NodeForm
          editing={node}
          title={t('nodes.editTitle', { code: node.code })}
          onCancel={() => setMode('idle')}
          onSubmit={async (fields) => {
            try {
              await updateNode(strategy, node.code, { ...fields, version: node.version });
            } catch (error) {
              if (error instanceof ApiError && error.code === 'version_conflict') {
                setMode('idle');
                onChanged(t('nodes.conflict'), node.code);
                return;
              }
              throw error;
            }
            setMode('idle');
            onChanged(t('nodes.updated', { code: node.code }), node.code);
          }}
        />
      )}
      {mode === 'move' && (
        <MoveForm
          node={node}
          parent={parent}
          candidates={all
            .filter((entry) => levelIndex > 0 && entry.node.level === levels[levelIndex - 1]?.key)
            .map((entry) => entry.node.code)}
          name={name}
          busy={busy}
          onCancel={() => setMode('idle')}
          onMove={(target) =>
            run(async () => {
              await moveNode(strategy, node.code, { parent: target, version: node.version });
              onChanged(t('nodes.moved', { code: node.code }), node.code, target);
            })
          }
        />
      )}
      {mode === 'delete' && (
        <div className="confirm-box">
          <p id="node-delete-question">{t('nodes.confirmDelete', { code: node.code })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await deleteNode(strategy, node.code, node.version);
                  onChanged(t('nodes.deleted', { code: node.code }), parent);
                })
              }
            >
              {t('nodes.deleteConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setMode('idle')}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

function MoveForm({
  node,
  parent,
  candidates,
  name,
  busy,
  onCancel,
  onMove,
}: {
  node: TreeNode;
  parent: string | null;
  candidates: string[];
  name(code: string): string;
  busy: boolean;
  onCancel(): void;
  onMove(parent: string | null): void;
}) {
  const { t } = useI18n();
  const [target, setTarget] = useState(parent ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMove(target || null);
  };
  return (
    <form className="card form-card" onSubmit={submit} aria-labelledby="node-move-title">
      <h3 id="node-move-title">{t('nodes.moveTitle', { code: node.code })}</h3>
      <div className="field">
        <label htmlFor="node-move-parent">{t('nodes.newParent')}</label>
        <p className="hint" id="node-move-hint">
          {t('nodes.newParentHint')}
        </p>
        <select
          id="node-move-parent"
          aria-describedby="node-move-hint"
          value={target}
          onChange={(event) => setTarget(event.target.value)}
        >
          {candidates.length === 0 && <option value="">{t('nodes.topLevel')}</option>}
          {candidates.map((code) => (
            <option key={code} value={code}>
              {name(code)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || (target || null) === parent}
        >
          {t('nodes.moveSubmit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
