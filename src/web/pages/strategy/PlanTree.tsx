import { type KeyboardEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { TreeNode } from '../../api/strategy-types';
import { useFormat } from '../../components/format';
import { LocalText } from '../../components/LocalText';
import { ProgressBar, StatusBadge } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { DIRECTION } from '../../i18n/messages';

interface Visible {
  node: TreeNode;
  parent: string | null;
}

/** The nodes a person can reach with the arrow keys: the roots and the children of expanded nodes. */
export function visibleNodes(
  nodes: TreeNode[],
  expanded: ReadonlySet<string>,
  parent: string | null = null,
): Visible[] {
  return nodes.flatMap((node) => [
    { node, parent },
    ...(expanded.has(node.code) ? visibleNodes(node.children, expanded, node.code) : []),
  ]);
}

interface Props {
  nodes: TreeNode[];
  label: string;
  /** Id of the text that explains the keys. */
  describedBy?: string;
  expanded: ReadonlySet<string>;
  setExpanded(next: Set<string>): void;
  selected: string | null;
  onSelect(code: string): void;
}

/**
 * The plan as an ARIA tree (the APG "tree view" pattern): one tab stop, arrows to move, Right/Left (mirrored
 * in Arabic) to open, close or go to the parent, Home/End, `*` to open every sibling. Selection follows focus,
 * and the selected node's details and actions are shown beside the tree, so that no control sits inside an item.
 */
export function PlanTree({ nodes, label, describedBy, expanded, setExpanded, selected, onSelect }: Props) {
  const { locale } = useI18n();
  const rtl = DIRECTION[locale] === 'rtl';
  const items = useRef(new Map<string, HTMLLIElement>());
  const [focused, setFocused] = useState<string | null>(null);
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const visible = visibleNodes(nodes, expanded);
  const current = visible.find((v) => v.node.code === (focused ?? selected)) ?? visible[0];
  const tabStop = current?.node.code ?? null;

  useEffect(() => {
    if (pendingFocus === null) return;
    items.current.get(pendingFocus)?.focus();
    setPendingFocus(null);
  }, [pendingFocus]);

  const moveTo = (code: string | undefined) => {
    if (!code) return;
    setFocused(code);
    onSelect(code);
    setPendingFocus(code);
  };
  const toggle = (code: string, open: boolean) => {
    const next = new Set(expanded);
    if (open) next.add(code);
    else next.delete(code);
    setExpanded(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (!current) return;
    const index = visible.indexOf(current);
    const node = current.node;
    const hasChildren = node.children.length > 0;
    const isOpen = expanded.has(node.code);
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        moveTo(visible[index + 1]?.node.code);
        break;
      case 'ArrowUp':
        moveTo(visible[index - 1]?.node.code);
        break;
      case 'Home':
        moveTo(visible[0]?.node.code);
        break;
      case 'End':
        moveTo(visible.at(-1)?.node.code);
        break;
      case forward:
        if (hasChildren && !isOpen) toggle(node.code, true);
        else if (hasChildren) moveTo(node.children[0]?.code);
        break;
      case backward:
        if (hasChildren && isOpen) toggle(node.code, false);
        else moveTo(current.parent ?? undefined);
        break;
      case 'Enter':
      case ' ':
        if (hasChildren) toggle(node.code, !isOpen);
        onSelect(node.code);
        break;
      case '*': {
        const siblings = visible.filter((v) => v.parent === current.parent && v.node.children.length > 0);
        setExpanded(new Set([...expanded, ...siblings.map((v) => v.node.code)]));
        break;
      }
      default:
        handled = false;
    }
    if (handled) event.preventDefault();
  };

  const renderItems = (list: TreeNode[], level: number) =>
    list.map((node, i) => (
      <Item
        key={node.code}
        node={node}
        level={level}
        position={i + 1}
        size={list.length}
        open={expanded.has(node.code)}
        isSelected={node.code === selected}
        isTabStop={node.code === tabStop}
        register={(element) => {
          if (element) items.current.set(node.code, element);
          else items.current.delete(node.code);
        }}
        onActivate={() => moveTo(node.code)}
        onToggle={() => toggle(node.code, !expanded.has(node.code))}
      >
        {expanded.has(node.code) && node.children.length > 0 && (
          // biome-ignore lint/a11y/useSemanticElements: the APG tree nests its levels in role="group" lists.
          <ul role="group">{renderItems(node.children, level + 1)}</ul>
        )}
      </Item>
    ));

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: an ARIA tree has no HTML element of its own.
    <ul role="tree" aria-label={label} aria-describedby={describedBy} className="tree" onKeyDown={onKeyDown}>
      {renderItems(nodes, 1)}
    </ul>
  );
}

interface ItemProps {
  node: TreeNode;
  level: number;
  position: number;
  size: number;
  open: boolean;
  isSelected: boolean;
  isTabStop: boolean;
  register(element: HTMLLIElement | null): void;
  onActivate(): void;
  onToggle(): void;
  children: ReactNode;
}

function Item({
  node,
  level,
  position,
  size,
  open,
  isSelected,
  isTabStop,
  register,
  onActivate,
  onToggle,
  children,
}: ItemProps) {
  const { t } = useI18n();
  const format = useFormat();
  const rowId = `tree-row-${node.code}`;
  const hasChildren = node.children.length > 0;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the tree handles the keys of every item (APG tree view).
    <li
      ref={register}
      role="treeitem"
      aria-level={level}
      aria-setsize={size}
      aria-posinset={position}
      aria-expanded={hasChildren ? open : undefined}
      aria-selected={isSelected}
      aria-labelledby={rowId}
      tabIndex={isTabStop ? 0 : -1}
      className="tree-item"
      data-code={node.code}
      onClick={(event) => {
        // The innermost item takes the click; the chevron also opens or closes it (Right/Left do the same).
        event.stopPropagation();
        if (hasChildren && (event.target as Element).closest('.tree-toggle')) onToggle();
        onActivate();
      }}
    >
      <div className={isSelected ? 'tree-row is-selected' : 'tree-row'} id={rowId}>
        <span
          className={hasChildren ? (open ? 'tree-toggle is-open' : 'tree-toggle') : 'tree-toggle is-leaf'}
          aria-hidden="true"
        />
        <code className="tree-code">{node.code}</code>
        <LocalText className="tree-title" text={node.title} />
        <span className="tree-meta">
          <StatusBadge status={node.status} />
          <ProgressBar value={node.progress} status={node.status} />
          <span className="tree-weight">{t('tree.weightValue', { weight: format.number(node.weight) })}</span>
        </span>
      </div>
      {children}
    </li>
  );
}
