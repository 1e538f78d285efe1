import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import type { SvgIconComponent } from '@mui/icons-material';
import { Box, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Button, Title, useCanAccessResources, useGetIdentity, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import auditLogs from '../resources/audit-logs';
import customers from '../resources/customers';
import deadLetters from '../resources/dead-letters';
import orders from '../resources/orders';
import products from '../resources/products';
import roles from '../resources/roles';
import users from '../resources/users';
import { PLANNED_MODULES } from '../layout/navigation';

const AVAILABLE: Array<{ resource: string; body: string; icon: SvgIconComponent }> = [
  { resource: 'orders', body: 'app.dashboard.orders_body', icon: orders.icon },
  { resource: 'customers', body: 'app.dashboard.customers_body', icon: customers.icon },
  { resource: 'products', body: 'app.dashboard.products_body', icon: products.icon },
  { resource: 'users', body: 'app.dashboard.users_body', icon: users.icon },
  { resource: 'roles', body: 'app.dashboard.roles_body', icon: roles.icon },
  { resource: 'audit-logs', body: 'app.dashboard.audit_logs_body', icon: auditLogs.icon },
  { resource: 'dead-letters', body: 'app.dashboard.dead_letters_body', icon: deadLetters.icon },
];

const ResourceCard = ({ resource, body, icon: Icon }: (typeof AVAILABLE)[number]) => {
  const translate = useTranslate();
  return (
    <Card sx={{ display: 'flex', flexDirection: 'column' }} data-testid={`dashboard-card-${resource}`}>
      <CardContent sx={{ flex: 1 }}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Icon color="primary" />
          <Typography variant="h6">{translate(`resources.${resource}.name`, { smart_count: 2 })}</Typography>
        </Stack>
        <Typography color="text.secondary" sx={{ mt: 1 }}>
          {translate(body)}
        </Typography>
      </CardContent>
      <CardActions>
        <Button component={Link} to={`/${resource}`} label="app.dashboard.open">
          <ArrowForwardIcon />
        </Button>
      </CardActions>
    </Card>
  );
};

/** Home: a welcome, what can be used today, and what is still being built; only what the user may read. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { canAccess } = useCanAccessResources({ action: 'list', resources: PLANNED_MODULES.map((entry) => entry.key) });
  const planned = PLANNED_MODULES.filter((entry) => canAccess?.[entry.key] === true);
  const { canAccess: canList } = useCanAccessResources({ action: 'list', resources: AVAILABLE.map((e) => e.resource) });
  const available = AVAILABLE.filter((entry) => canList?.[entry.resource] === true);
  return (
    <Stack spacing={2} sx={{ mt: 2 }} data-testid="dashboard">
      <Title title={translate('app.dashboard.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" gutterBottom>
            {translate('app.dashboard.welcome_title')}
          </Typography>
          {identity?.fullName && (
            <Typography variant="subtitle2" color="text.secondary" gutterBottom data-testid="signed-in-as">
              {translate('app.dashboard.signed_in_as', { name: identity.fullName })}
            </Typography>
          )}
          <Typography sx={{ maxWidth: 760 }}>{translate('app.dashboard.welcome_body')}</Typography>
        </CardContent>
      </Card>
      {available.length > 0 && (
        <>
          <Typography variant="overline" color="text.secondary">
            {translate('app.dashboard.available_title')}
          </Typography>
          <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', xl: 'repeat(4, 1fr)' } }}>
            {available.map((entry) => (
              <ResourceCard key={entry.resource} {...entry} />
            ))}
          </Box>
        </>
      )}
      {planned.length > 0 && (
        <Card>
          <CardContent>
            <Typography variant="overline" color="text.secondary">
              {translate('app.dashboard.planned_title')}
            </Typography>
            <Typography color="text.secondary" sx={{ mt: 1, mb: 2 }}>
              {translate('app.dashboard.planned_body')}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
              {planned.map((entry) => (
                <Chip
                  key={entry.key}
                  size="small"
                  variant="outlined"
                  label={translate(`menu.items.${entry.key}`)}
                  component={Link}
                  to={entry.path}
                  clickable
                />
              ))}
            </Box>
          </CardContent>
        </Card>
      )}
    </Stack>
  );
};
