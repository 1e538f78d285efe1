import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class LogoutDto {
  @ApiPropertyOptional({ description: 'Accepted for symmetry; the session of the bearer token is ended' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
