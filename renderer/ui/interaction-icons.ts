import {
  AtSign,
  Circle,
  Coffee,
  GraduationCap,
  Mail,
  MessageSquare,
  Phone,
  Presentation,
  Users,
  Video,
  type LucideIcon,
} from 'lucide-react';
import type { InteractionType } from '../../shared/domain/interaction.ts';

/** One icon per kind of interaction, beside its written name (never instead of it). */
export const INTERACTION_ICONS: Record<InteractionType, LucideIcon> = {
  coffee: Coffee,
  call: Phone,
  'video-call': Video,
  email: Mail,
  message: MessageSquare,
  social: AtSign,
  conference: Presentation,
  'meet-up': Users,
  course: GraduationCap,
  other: Circle,
};
