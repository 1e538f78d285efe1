import ConstructionIcon from '@mui/icons-material/Construction';
import HomeIcon from '@mui/icons-material/Home';
import { Box, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Button, Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

/** The page of a module that is in the menu but not released yet. It shows no data. */
export const ComingSoon = ({ module }: { module: string }) => {
  const translate = useTranslate();
  const name = translate(`menu.items.${module}`);
  return (
    <Box sx={{ mt: 2, maxWidth: 720 }} data-testid="coming-soon" data-module={module}>
      <Title title={name} />
      <Card>
        <CardContent>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
            <ConstructionIcon color="action" sx={{ fontSize: 40 }} />
            <Box>
              <Typography variant="h5">{translate('app.coming_soon.title', { module: name })}</Typography>
              <Chip size="small" label={translate('app.coming_soon.badge')} sx={{ mt: 0.5 }} />
            </Box>
          </Stack>
          <Typography sx={{ mb: 1 }}>{translate(`menu.descriptions.${module}`)}</Typography>
          <Typography color="text.secondary">{translate('app.coming_soon.body')}</Typography>
        </CardContent>
        <CardActions>
          <Button component={Link} to="/" label="app.coming_soon.back">
            <HomeIcon />
          </Button>
        </CardActions>
      </Card>
    </Box>
  );
};
