// The portal header: logo, account, navigation, notifications, the signed-in person and sign-out.
// From 1024 px the navigation is inline; below that it opens as a sheet from the right — a modal
// <dialog>, so the page behind is inert (focus stays in the menu), Esc closes it, and focus goes
// back to the menu button. Long names truncate (full text in a tooltip) instead of squeezing the nav;
// a navigation with many entries (staff inside an account) gets a row of its own.
import { Form, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import type { ShellData } from "#app/server/shell.server";
import { cx } from "./ui";
import { useT } from "#app/i18n/react";

function Logo() {
  const t = useT();
  return (
    <NavLink to="/" className="flex shrink-0 items-center gap-2 font-semibold text-ink" aria-label={t("common.home")}>
      <svg viewBox="0 0 24 24" className="h-6 w-6 text-brand-600" aria-hidden="true">
        <circle cx="12" cy="12" r="10" fill="currentColor" opacity="0.15" />
        <path
          d="M3 12c2.5-4 5.5-6 9-6s6.5 2 9 6c-2.5 4-5.5 6-9 6s-6.5-2-9-6z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        />
        <circle cx="12" cy="12" r="2.6" fill="currentColor" />
      </svg>
      {t("common.appName")}
    </NavLink>
  );
}

function Bell({ unread }: { unread: number }) {
  const t = useT();
  return (
    <NavLink
      to="/notifications"
      className="relative shrink-0 rounded-md p-2 text-slate-600 hover:bg-slate-100"
      aria-label={unread ? t("nav.notificationsUnread", { count: unread }) : t("nav.notifications")}
      data-testid="notifications-bell"
    >
      <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
        <path
          d="M10 3a4 4 0 0 0-4 4v2.5L4.5 13h11L14 9.5V7a4 4 0 0 0-4-4zM8.5 15.5a1.5 1.5 0 0 0 3 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
      {unread ? (
        <span className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </NavLink>
  );
}

function NavLinks({ shell, onNavigate, vertical }: { shell: ShellData; onNavigate?: () => void; vertical?: boolean }) {
  const t = useT();
  return (
    <>
      {shell.nav.map((item) => (
        <NavLink
          key={item.to}
          to={item.to}
          onClick={onNavigate}
          className={({ isActive }) =>
            cx(
              "rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap",
              vertical && "block text-base",
              isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100",
            )
          }
        >
          {t(item.label)}
        </NavLink>
      ))}
    </>
  );
}

function ProfileLink({ className, onNavigate }: { className?: string; onNavigate?: () => void }) {
  const t = useT();
  return (
    <NavLink
      to="/profile"
      onClick={onNavigate}
      className={cx("rounded-md px-3 py-1.5 text-sm whitespace-nowrap text-slate-700 hover:bg-slate-100", className)}
    >
      {t("nav.profile")}
    </NavLink>
  );
}

function SignOut({ className }: { className?: string }) {
  const t = useT();
  return (
    <Form method="post" action="/logout" className={className}>
      <button
        type="submit"
        className="w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm whitespace-nowrap hover:bg-slate-50"
      >
        {t("common.signOut")}
      </button>
    </Form>
  );
}

function useAccountLabel(shell: ShellData): string {
  const t = useT();
  return shell.tenantName ?? (shell.accountName ? t("nav.viewing", { account: shell.accountName }) : t("nav.staff"));
}

function AccountLabel({ shell }: { shell: ShellData }) {
  return <>{useAccountLabel(shell)}</>;
}

/** The phone and tablet menu: a modal sheet with the navigation, who is signed in and sign-out. */
function MenuSheet({ shell }: { shell: ShellData }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const t = useT();
  const accountLabel = useAccountLabel(shell);
  const close = () => dialog.current?.close();
  // A navigation (link in the sheet, or back/forward) closes it.
  useEffect(() => {
    dialog.current?.close();
  }, [location.key]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="rounded-md p-2 text-slate-600 hover:bg-slate-100 lg:hidden"
        aria-haspopup="dialog"
        aria-controls="main-menu"
        onClick={() => dialog.current?.showModal()}
      >
        <span className="sr-only">{t("common.menu")}</span>
        <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
          <path d="M3 5h14M3 10h14M3 15h14" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      {/* The backdrop click has a keyboard twin: Esc, which <dialog> handles natively. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <dialog
        ref={dialog}
        id="main-menu"
        aria-label={t("common.menu")}
        // Focus returns to the button that opened the sheet, however it was closed.
        onClose={() => button.current?.focus()}
        // A click on the backdrop (the dialog element itself, outside the panel) closes it.
        onClick={(e) => {
          if (e.target === e.currentTarget) close();
        }}
        className="menu-sheet m-0 ml-auto h-full max-h-none w-full max-w-sm bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex h-full flex-col gap-4 p-4">
          <div className="flex items-center justify-between gap-3">
            <p className="min-w-0 truncate text-sm text-slate-600">{accountLabel}</p>
            <button
              type="button"
              onClick={close}
              className="rounded-md p-2 text-slate-600 hover:bg-slate-100"
              aria-label={t("common.closeMenu")}
            >
              <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
                <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.6" />
              </svg>
            </button>
          </div>
          <nav aria-label={t("nav.main")} className="flex flex-col gap-1">
            <NavLinks shell={shell} onNavigate={close} vertical />
          </nav>
          <div className="mt-auto border-t border-slate-200 pt-4">
            <p className="font-medium break-words text-slate-800" data-testid="menu-user-name">
              {shell.user.name}
            </p>
            <p className="mb-3 text-sm text-slate-500">{t(shell.roleLabel)}</p>
            <ProfileLink className="mb-3 block" onNavigate={close} />
            <SignOut />
          </div>
        </div>
      </dialog>
    </>
  );
}

/** More entries than fit on one line beside the person's name: the navigation takes a row of its own. */
const ONE_ROW_ENTRIES = 5;

export function AppHeader({ shell }: { shell: ShellData | null }) {
  const t = useT();
  const twoRows = (shell?.nav.length ?? 0) > ONE_ROW_ENTRIES;
  return (
    <div className={cx("mx-auto flex max-w-7xl items-center gap-3 px-4 py-3", twoRows && "lg:flex-wrap")}>
      <Logo />
      {shell ? (
        <>
          <span
            className="hidden max-w-[14rem] min-w-0 truncate text-sm text-slate-500 sm:inline"
            title={shell.tenantName ?? shell.accountName ?? undefined}
            data-testid="tenant-name"
          >
            <AccountLabel shell={shell} />
          </span>
          <nav
            aria-label={t("nav.main")}
            className={cx(
              "hidden items-center gap-1 lg:flex",
              twoRows ? "order-last -mx-3 basis-full flex-wrap" : "ml-4",
            )}
          >
            <NavLinks shell={shell} />
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <Bell unread={shell.unreadNotifications} />
            {/* From 1280 px: between 1024 and 1280 a one-row navigation leaves the name no room
                (Profile, beside it, leads to it; below 1024 the menu shows it). */}
            <div className="hidden min-w-0 text-right text-sm leading-tight xl:block" title={shell.user.name}>
              <p className="max-w-[11rem] truncate font-medium text-slate-800" data-testid="user-name">
                {shell.user.name}
              </p>
              <p className="max-w-[11rem] truncate text-xs text-slate-500">{t(shell.roleLabel)}</p>
            </div>
            <ProfileLink className="hidden lg:block" />
            <SignOut className="hidden lg:block" />
            <MenuSheet shell={shell} />
          </div>
        </>
      ) : null}
    </div>
  );
}
