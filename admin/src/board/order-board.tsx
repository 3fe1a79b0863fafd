import { useState } from 'react';
import { Title, useCreatePath, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { Alert, Badge, Box, Button, Chip, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import FullscreenIcon from '@mui/icons-material/Fullscreen';
import { HandOverDialog, useRunOrderAction } from '../orders';
import { printerErrorText } from '../stations';
import { StoreScoped, storeToday } from '../stores';
import type { OrderAction, Store } from '../types';
import { BOARD_COLUMNS, byPickup, type BoardOrder } from './board-orders';
import { BoardCard } from './board-card';
import { useOrderBoard, type OrderBoard, type PrinterAlert } from './use-order-board';

const LiveChip = ({ board }: { board: OrderBoard }) => {
  const translate = useTranslate();
  if (board.live === 'live') return <Chip color="success" size="small" label={translate('kassa.board.live')} className="board-live" />;
  if (board.live === 'connecting') return <Chip size="small" label={translate('kassa.board.connecting')} />;
  return null;
};

const PrinterBanners = ({ printers }: { printers: PrinterAlert[] }) => {
  const translate = useTranslate();
  const offline = printers.filter((printer) => !printer.online);
  return (
    <>
      {offline.map((printer) => {
        const reason = printerErrorText(translate, printer.lastError);
        return (
          <Alert key={printer.id} severity="error" className="board-printer-alert">
            {translate(reason ? 'kassa.board.printer_offline_because' : 'kassa.board.printer_offline', { name: printer.name, reason })}
          </Alert>
        );
      })}
    </>
  );
};

const HeldJobsBanner = ({ count }: { count: number }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (count === 0) return null;
  const to = `${createPath({ resource: 'print-jobs', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify({ status: ['held'] }))}`;
  return (
    <Alert
      severity="warning"
      action={
        <Button component={RouterLink} to={to} color="inherit" size="small">
          {translate('kassa.board.held_jobs_show')}
        </Button>
      }
    >
      {translate('kassa.board.held_jobs', { smart_count: count })}
    </Alert>
  );
};

const Column = ({
  id,
  orders,
  store,
  pendingOrderId,
  onAction,
}: {
  id: string;
  orders: BoardOrder[];
  store: Store;
  pendingOrderId: string | null;
  onAction: (order: BoardOrder, action: OrderAction) => void;
}) => {
  const translate = useTranslate();
  const title = translate(`kassa.board.columns.${id}`);
  const today = storeToday(store);
  return (
    <Paper
      component="section"
      aria-label={title}
      data-column={id}
      variant="outlined"
      sx={{ p: 1.5, bgcolor: 'action.hover', minHeight: 240, display: 'flex', flexDirection: 'column', gap: 1.5, minWidth: 0 }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', px: 0.5 }}>
        <Typography variant="h6" component="h2" sx={{ fontWeight: 700 }}>
          {title}
        </Typography>
        <Badge badgeContent={orders.length} color="primary" showZero sx={{ mr: 1 }} />
      </Box>
      {orders.map((order) => (
        <BoardCard
          key={order.id}
          order={order}
          timeZone={store.timezone}
          today={today}
          busy={pendingOrderId !== null}
          onAction={onAction}
        />
      ))}
    </Paper>
  );
};

const Board = ({ store }: { store: Store }) => {
  const translate = useTranslate();
  const board = useOrderBoard(store.id);
  const [pendingOrderId, setPendingOrderId] = useState<string | null>(null);
  const [handingOver, setHandingOver] = useState<BoardOrder | null>(null);
  const { run, pending } = useRunOrderAction(async (outcome) => {
    setPendingOrderId(null);
    if (outcome.ok) board.applyDetail(outcome.order);
  });
  const runOn =
    (order: BoardOrder): typeof run =>
    (params, handled) => {
      setPendingOrderId(order.id);
      return run(params, handled);
    };
  const press = (order: BoardOrder, action: OrderAction) => {
    if (action === 'hand_over') {
      setHandingOver(order);
      return;
    }
    void runOn(order)({ id: order.id, action }).then((outcome) => {
      // Refused: someone else may have moved the order on; show it as it now is.
      if (!outcome.ok) void board.refreshOrder(order.id);
    });
  };
  return (
    <Stack spacing={1.5} sx={{ mt: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <LiveChip board={board} />
        <Box sx={{ flex: 1 }} />
        {document.fullscreenEnabled && (
          <Button
            size="small"
            startIcon={<FullscreenIcon />}
            onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
          >
            {translate('kassa.board.fullscreen')}
          </Button>
        )}
      </Box>
      {board.live === 'offline' && (
        <Alert severity="warning" className="board-offline">
          {translate('kassa.board.offline')}
        </Alert>
      )}
      <PrinterBanners printers={board.printers} />
      <HeldJobsBanner count={board.heldJobs} />
      {!board.loaded && <LinearProgress />}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, minmax(0, 1fr))', lg: 'repeat(4, minmax(0, 1fr))' },
          gap: 1.5,
          alignItems: 'start',
        }}
      >
        {BOARD_COLUMNS.map((column) => (
          <Column
            key={column.id}
            id={column.id}
            orders={board.orders.filter((order) => column.statuses.includes(order.status)).sort(byPickup)}
            store={store}
            pendingOrderId={pendingOrderId}
            onAction={press}
          />
        ))}
      </Box>
      {handingOver && (
        <HandOverDialog
          order={handingOver}
          run={runOn(handingOver)}
          busy={pending !== null}
          onClose={() => {
            const order = handingOver;
            setHandingOver(null);
            void board.refreshOrder(order.id);
          }}
        />
      )}
    </Stack>
  );
};

/** The counter's live view of the current store's orders, by where they are: paid, accepted, being made, ready. */
export const OrderBoardPage = () => {
  const translate = useTranslate();
  return (
    <>
      <Title title={translate('kassa.board.title')} />
      <StoreScoped>
        {(storeId, current) => {
          const store = current.stores.find((candidate) => candidate.id === storeId);
          return store ? <Board key={store.id} store={store} /> : null;
        }}
      </StoreScoped>
    </>
  );
};
