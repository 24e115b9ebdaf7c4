import { useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Link, navigate } from '../router/history';
import { href } from '../router/routes';
import { useSession } from '../session/SessionProvider';

/** Disclosure menu with the person's name: API tokens and sign-out. Closes on Escape and outside clicks. */
export function AccountMenu({ user }: { user: SessionUser }) {
  const { t } = useI18n();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const handleSignOut = async () => {
    setOpen(false);
    await signOut().catch(() => undefined);
    navigate(href('login'));
  };

  return (
    <div className="account-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="account-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="visually-hidden">{t('shell.account')} </span>
        {user.displayName}
        <span className="chevron" aria-hidden="true" />
      </button>
      <ul id={menuId} className="account-popup" hidden={!open}>
        <li className="account-identity">
          <span className="muted">{t('shell.signedInAs', { username: user.username })}</span>
        </li>
        <li>
          <Link href={href('tokens')} onClick={() => setOpen(false)}>
            {t('shell.apiTokens')}
          </Link>
        </li>
        <li>
          <button type="button" className="link-button" onClick={handleSignOut}>
            {t('shell.signOut')}
          </button>
        </li>
      </ul>
    </div>
  );
}
