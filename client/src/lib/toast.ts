import { notifications, type NotificationData } from '@mantine/notifications';

/** A toast whose close button has a name screen readers can say. */
export function toast(data: NotificationData): string {
  return notifications.show({
    ...data,
    closeButtonProps: { 'aria-label': 'Dismiss notification', ...data.closeButtonProps },
  });
}
