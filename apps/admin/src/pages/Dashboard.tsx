import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import { Box, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Button, Title, useGetIdentity, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import deadLetters from '../resources/dead-letters';
import { PLANNED_MODULES } from '../layout/navigation';

/** Home: a welcome, what can be used today, and what is still being built. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const DeadLetterIcon = deadLetters.icon;
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
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        <Card>
          <CardContent>
            <Typography variant="overline" color="text.secondary">
              {translate('app.dashboard.available_title')}
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 1 }}>
              <DeadLetterIcon color="primary" />
              <Typography variant="h6">
                {translate('resources.dead-letters.name', { smart_count: 2 })}
              </Typography>
            </Stack>
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              {translate('app.dashboard.dead_letters_body')}
            </Typography>
          </CardContent>
          <CardActions>
            <Button component={Link} to="/dead-letters" label="app.dashboard.open">
              <ArrowForwardIcon />
            </Button>
          </CardActions>
        </Card>
        <Card>
          <CardContent>
            <Typography variant="overline" color="text.secondary">
              {translate('app.dashboard.planned_title')}
            </Typography>
            <Typography color="text.secondary" sx={{ mt: 1, mb: 2 }}>
              {translate('app.dashboard.planned_body')}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
              {PLANNED_MODULES.map((entry) => (
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
      </Box>
    </Stack>
  );
};
