import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { BodyEntry, BodyRegistryResponse } from '@suishin/shared/protocol';
import { useTranslation } from '../../i18n/useTranslation';
import { Button } from '../../ui/Button';
import { useKnownSession } from '../access/session';
import { createSeries } from '../series/seriesApi';
import { BodyDialog } from './BodyDialog';
import { BodyHealthFigures, NextMeeting, useCadenceText } from './BodyHealthFigures';
import { bodyTree, type TreeNode } from './bodyTree';
import { listBodies } from './bodiesApi';
import './bodies.css';

type Load = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'loaded'; registry: BodyRegistryResponse };

/** 会議体一覧: every body the caller sees as a tree (parent → children) with cadence, next meeting and health. */
export function BodiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useKnownSession();
  const admin = session.status === 'signedIn' && session.session.admin;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [creating, setCreating] = useState(false);
  const reload = useCallback(() => {
    let cancelled = false;
    listBodies().then(
      (registry) => !cancelled && setLoad({ state: 'loaded', registry }),
      (error: Error) => !cancelled && setLoad({ state: 'failed', message: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  useEffect(reload, [reload]);
  const bodies = load.state === 'loaded' ? load.registry.bodies : [];

  return (
    <div className="page bodies-page">
      <div className="page-heading bodies-page__heading">
        <div>
          <h1 id="bodies-heading">{t('bodies.title')}</h1>
          <p className="page-heading__subtitle">{t('bodies.subtitle')}</p>
        </div>
        {admin && <Button variant="primary" onPress={() => setCreating(true)}>{t('bodies.new')}</Button>}
      </div>
      {load.state === 'loading' && <p className="muted" role="status">{t('app.loading')}</p>}
      {load.state === 'failed' && <div className="notice notice--danger" role="alert">{t('bodies.loadFailed', { message: load.message })}</div>}
      {load.state === 'loaded' && bodies.length === 0 && <p className="empty-state">{t('bodies.empty')}</p>}
      {bodies.length > 0 && <BodyList nodes={bodyTree(bodies)} label={t('bodies.tree')} depth={0} />}
      {creating && (
        <BodyDialog
          isOpen
          bodies={bodies}
          onClose={() => setCreating(false)}
          onSave={async (input) => {
            const created = await createSeries(input);
            setCreating(false);
            void navigate(`/series/${encodeURIComponent(created.id)}`);
          }}
        />
      )}
    </div>
  );
}

function BodyList({ nodes, label, depth }: { nodes: TreeNode<BodyEntry>[]; label: string; depth: number }) {
  const { t } = useTranslation();
  return (
    <ul className={depth === 0 ? 'body-tree' : 'body-tree body-tree--children'} aria-label={label}>
      {nodes.map((node) => (
        <li key={node.body.id} className="body-tree__item" data-testid="body-node" data-body-name={node.body.name}>
          <BodyCard body={node.body} />
          {node.children.length > 0 && <BodyList nodes={node.children} label={t('bodies.childrenOf', { name: node.body.name })} depth={depth + 1} />}
        </li>
      ))}
    </ul>
  );
}

function BodyCard({ body }: { body: BodyEntry }) {
  const { t } = useTranslation();
  const cadence = useCadenceText();
  return (
    <article className="card body-card" aria-labelledby={`body-${body.id}`}>
      <div className="body-card__head">
        <h2 id={`body-${body.id}`} className="body-card__name">
          <Link className="link" to={`/series/${encodeURIComponent(body.id)}`}>{body.name}</Link>
        </h2>
        <span className={`tag body-function body-function--${body.decisionFunction ?? 'none'}`}>{t(`bodies.function.${body.decisionFunction ?? 'none'}`)}</span>
      </div>
      {body.purpose && <p className="body-card__purpose">{body.purpose}</p>}
      <dl className="body-card__facts">
        <div><dt>{t('bodies.detail.cadence')}</dt><dd data-testid="body-cadence">{cadence(body.cadence)}</dd></div>
        <div><dt>{t('bodies.health.next')}</dt><dd data-testid="body-next"><NextMeeting next={body.health.next} /></dd></div>
        <div><dt>{t('bodies.roles.chair')}</dt><dd>{body.members.filter((m) => m.role === 'chair').map((m) => m.name).join('、') || '—'}</dd></div>
      </dl>
      <BodyHealthFigures health={body.health} reviewOn={body.reviewOn} />
    </article>
  );
}

export default BodiesPage;
